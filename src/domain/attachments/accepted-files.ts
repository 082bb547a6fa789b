/**
 * The kinds of file a portfolio accepts, as data. A file's kind is decided by its content (its magic
 * bytes, detected elsewhere), never by its name: the name is only used to word the refusal.
 */

export type AcceptedGroup = 'document' | 'image' | 'audio' | 'video';

/** One accepted kind: the detected extension, the media type to store and serve, and a human name. */
export type AcceptedFile = { ext: string; mediaType: string; name: string; group: AcceptedGroup };

/** Detected media types a kind may arrive as (file-type reports some formats under several). */
const kind = (ext: string, mediaType: string, name: string, group: AcceptedGroup, aliases: readonly string[] = []) => ({
  file: { ext, mediaType, name, group } satisfies AcceptedFile,
  mimes: [mediaType, ...aliases],
});

const KINDS = [
  kind('pdf', 'application/pdf', 'PDF', 'document'),
  kind('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word document', 'document'),
  kind('doc', 'application/msword', 'Word 97–2003 document', 'document'),
  kind('odt', 'application/vnd.oasis.opendocument.text', 'OpenDocument text', 'document'),
  kind('jpg', 'image/jpeg', 'JPEG image', 'image'),
  kind('png', 'image/png', 'PNG image', 'image'),
  kind('webp', 'image/webp', 'WebP image', 'image'),
  kind('gif', 'image/gif', 'GIF image', 'image'),
  kind('heic', 'image/heic', 'HEIC photo', 'image', ['image/heif', 'image/heic-sequence', 'image/heif-sequence']),
  kind('avif', 'image/avif', 'AVIF image', 'image'),
  kind('mp3', 'audio/mpeg', 'MP3 audio', 'audio'),
  kind('m4a', 'audio/mp4', 'M4A audio', 'audio', ['audio/x-m4a']),
  kind('aac', 'audio/aac', 'AAC audio', 'audio'),
  kind('wav', 'audio/wav', 'WAV audio', 'audio', ['audio/x-wav', 'audio/vnd.wave']),
  kind('ogg', 'audio/ogg', 'Ogg audio', 'audio', ['audio/ogg; codecs=opus']),
  kind('oga', 'audio/ogg', 'Ogg audio', 'audio'),
  kind('opus', 'audio/ogg', 'Opus audio', 'audio', ['audio/ogg; codecs=opus', 'audio/opus']),
  kind('mp4', 'video/mp4', 'MP4 video', 'video'),
  kind('m4v', 'video/mp4', 'MP4 video', 'video', ['video/x-m4v']),
  kind('mov', 'video/quicktime', 'QuickTime video', 'video'),
  kind('webm', 'video/webm', 'WebM video', 'video', ['audio/webm']),
  kind('3gp', 'video/3gpp', '3GP video', 'video'),
] as const;

/** Every accepted kind, in the order they are listed to people. */
export const acceptedFiles: readonly AcceptedFile[] = KINDS.map((k) => k.file);

/** One sentence naming what may be attached, for hints and refusals. */
export const ACCEPTED_SUMMARY = 'PDF, images (including HEIC photos), Word/ODT documents and audio or video notes';

/** Names of detected kinds that people are likely to try, so a refusal can say what the file really is. */
const KNOWN_REFUSED: Readonly<Record<string, string>> = {
  exe: 'a Windows program',
  elf: 'a Linux program',
  macho: 'a macOS program',
  msi: 'a Windows installer',
  cfb: 'an Office 97–2003 file that is not a Word document',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a gzip archive',
  tar: 'a tar archive',
  xlsx: 'an Excel spreadsheet',
  pptx: 'a PowerPoint presentation',
  ods: 'an OpenDocument spreadsheet',
  odp: 'an OpenDocument presentation',
  svg: 'an SVG drawing',
  html: 'a web page',
  xml: 'an XML file',
  js: 'a script',
};

/** The accepted kind of a detected file type, if it is one. */
export const acceptedKindOf = (detected: { ext: string; mime: string }): AcceptedFile | undefined =>
  KINDS.find((k) => k.file.ext === detected.ext && (k.mimes as readonly string[]).includes(detected.mime))?.file ??
  KINDS.find((k) => (k.mimes as readonly string[]).includes(detected.mime))?.file;

/** The human name of a stored media type (`PDF`, `HEIC photo`), or `File` for one not in the table. */
export const mediaTypeName = (mediaType: string): string => acceptedFiles.find((f) => f.mediaType === mediaType)?.name ?? 'File';

/** Sizes as people read them: `31.2 MB`, `512 KB`, `300 bytes` (1 MB = 1024 × 1024 bytes). */
export const humanSize = (bytes: number): string => {
  if (bytes >= 1024 * 1024) return `${trimmed(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimmed(bytes / 1024)} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
};

const trimmed = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');

/** The kind a file name claims (by its extension), only to word refusals: `a PDF`, `an image`. */
const claimedName = (fileName: string): string | undefined => {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  const normalised = ext === 'jpeg' ? 'jpg' : ext === 'heif' ? 'heic' : ext;
  return acceptedFiles.find((f) => f.ext === normalised)?.name;
};

/** The file's name as a refusal quotes it: long names are shortened so the message stays readable. */
const nameInMessage = (fileName: string): string => {
  const name = fileName.trim() || 'The file';
  return name.length <= NAME_IN_MESSAGE_MAX ? name : `${name.slice(0, NAME_IN_MESSAGE_MAX - 1)}…`;
};
const NAME_IN_MESSAGE_MAX = 60;

const article = (name: string) => (/^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`);

export type UploadCheck = { ok: true; file: AcceptedFile } | { ok: false; reason: string };

/**
 * Whether an upload may be kept: not empty, within the size limit, and of an accepted kind by its
 * content. On refusal, a reason a person can act on, naming the file.
 */
export const checkUpload = (input: {
  detected: { ext: string; mime: string } | undefined;
  sizeBytes: number;
  maxBytes: number;
  fileName: string;
  /** The upload was cut off at the limit, so its real size is unknown. */
  truncated?: boolean;
}): UploadCheck => {
  const name = nameInMessage(input.fileName);
  if (input.truncated)
    return { ok: false, reason: `${name} is over ${humanSize(input.maxBytes)}; the largest file accepted is ${humanSize(input.maxBytes)}` };
  if (input.sizeBytes === 0) return { ok: false, reason: `${name} is empty: choose a file with something in it` };
  if (input.sizeBytes > input.maxBytes) {
    return { ok: false, reason: `${name} is ${humanSize(input.sizeBytes)}; the largest file accepted is ${humanSize(input.maxBytes)}` };
  }
  const file = input.detected ? acceptedKindOf(input.detected) : undefined;
  if (file) return { ok: true, file };
  const claimed = claimedName(input.fileName.trim());
  const actual = input.detected
    ? (KNOWN_REFUSED[input.detected.ext] ?? `a ${input.detected.ext.toUpperCase()} file`)
    : 'not a file type we recognise';
  const notClaimed = claimed ? `, not ${article(claimed)}` : '';
  return { ok: false, reason: `${name} is ${actual}${notClaimed}: only ${ACCEPTED_SUMMARY} can be attached` };
};
