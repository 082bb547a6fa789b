import { fileTypeFromBuffer } from 'file-type';

/** A file's type as its content says: the detected extension and media type. */
export type DetectedType = { ext: string; mime: string };

// Word 97–2003 files are Compound File Binary containers holding a stream named "WordDocument";
// Excel, PowerPoint and Windows installers share the container but not that stream.
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

const contains = (haystack: Uint8Array, needle: Buffer): boolean =>
  Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(needle);

/** Detects a file's type from its bytes (magic numbers and container contents), never from its name. */
export const detectFileType = async (bytes: Uint8Array): Promise<DetectedType | undefined> => {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return undefined;
  if (detected.ext === 'cfb' && contains(bytes, WORD_STREAM)) return { ext: 'doc', mime: 'application/msword' };
  return { ext: detected.ext, mime: detected.mime };
};
