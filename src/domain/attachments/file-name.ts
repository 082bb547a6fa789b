import { FILE_NAME_MAX } from '../../contracts/portfolio/attachment.ts';
import { type AcceptedFile, acceptedFiles } from './accepted-files.ts';

/**
 * The name a kept file is stored and offered under. A name is only a label: it must not hide its
 * real extension (right-to-left overrides turn `cod.exe` into `exe.doc` on screen), nor claim a type
 * its bytes do not have (a PDF+HTML polyglot named `x.html` would open as a web page once
 * downloaded), so it is cleaned and its extension made to agree with the type detected from the bytes.
 */

/** Spellings of an extension people use for the same kind, beyond the table's own. */
const EXTRA_EXTENSIONS: Readonly<Record<string, readonly string[]>> = { jpg: ['jpeg', 'jpe', 'jfif'], heic: ['heif'], wav: ['wave'] };

/** The extensions that name a kind: its own, every kind's stored under the same media type, and common spellings. */
export const extensionsOf = (file: AcceptedFile): readonly string[] => {
  const same = acceptedFiles.filter((f) => f.mediaType === file.mediaType).map((f) => f.ext);
  return [...new Set([file.ext, ...same, ...same.flatMap((ext) => EXTRA_EXTENSIONS[ext] ?? [])])];
};

// Control characters (C0, C1), format characters (bidi embeddings, overrides and isolates U+202A–E,
// U+2066–9, marks U+200E/F and U+061C, zero-width characters, the BOM) and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// What looks like an extension: a short run of letters and digits with at least one letter.
const EXTENSION = /\.([a-z0-9]*[a-z][a-z0-9]*)$/i;
const EXTENSION_MAX = 5;

/** A typed name cleaned of folders, invisible characters and odd spacing, in Unicode NFC; `file` when nothing is left. */
export const cleanFileName = (raw: string): string => {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned || 'file';
};

/** Cuts a name to `max` characters (whole code points), keeping its extension. */
const cut = (stem: string, ext: string, max: number): string => {
  const room = max - ext.length;
  const points = [...stem];
  return (points.length <= room ? stem : points.slice(0, room).join('').trimEnd()) + ext;
};

/**
 * The stored name of an accepted upload: cleaned, at most `FILE_NAME_MAX` characters, and ending
 * in an extension of the kind its bytes were detected as (`x.html` holding a PDF becomes `x.pdf`,
 * `photo` holding a JPEG `photo.jpg`; `scan.JPEG` stays as it is).
 */
export const storedFileName = (raw: string, file: AcceptedFile): string => {
  const cleaned = cleanFileName(raw);
  const match = EXTENSION.exec(cleaned);
  const given = match?.[1] && match[1].length <= EXTENSION_MAX ? match[1] : undefined;
  const agrees = given !== undefined && extensionsOf(file).includes(given.toLowerCase());
  const stem = given === undefined ? cleaned : cleaned.slice(0, -given.length - 1).replace(/[\s.]+$/, '') || 'file';
  return cut(stem, `.${agrees ? given : file.ext}`, FILE_NAME_MAX);
};
