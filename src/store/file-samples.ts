import { zipSync } from 'fflate';

/**
 * Tiny but real files of each kind tests need: enough structure for content detection, nothing more.
 * Built from their magic bytes and container layouts, never from a file name.
 */

const ascii = (text: string) => new TextEncoder().encode(text);

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

/** A one-page PDF (header, a catalogue, trailer). */
export const samplePdf = (): Uint8Array =>
  ascii(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

/** The start of a PNG: signature and an IHDR chunk. */
export const samplePng = (): Uint8Array =>
  new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
    0xc4, 0x89,
  ]);

/** A HEIC photo's opening `ftyp` box, as phones write it. */
export const sampleHeic = (): Uint8Array =>
  concat(new Uint8Array([0, 0, 0, 24]), ascii('ftypheic'), new Uint8Array([0, 0, 0, 0]), ascii('mif1heic'), new Uint8Array(16));

/** A Word document: a ZIP holding [Content_Types].xml and word/document.xml. */
export const sampleDocx = (): Uint8Array =>
  zipSync({
    '[Content_Types].xml': ascii(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    _rels: { '.rels': ascii('<?xml version="1.0"?><Relationships/>') },
    word: { 'document.xml': ascii('<?xml version="1.0"?><w:document/>') },
  });

/** An OpenDocument text: a ZIP whose first entry is an uncompressed `mimetype`. */
export const sampleOdt = (): Uint8Array =>
  zipSync({
    mimetype: [ascii('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': ascii('<?xml version="1.0"?><office:document-content/>'),
  });

/** A Windows program's DOS header (`MZ`) and PE signature. */
export const sampleExe = (): Uint8Array => {
  const bytes = new Uint8Array(256);
  bytes.set(ascii('MZ'), 0);
  bytes[0x3c] = 0x80;
  bytes.set(ascii('PE\0\0'), 0x80);
  return bytes;
};

/** A Word 97–2003 document: a Compound File header and a directory entry naming the WordDocument stream. */
export const sampleDoc = (): Uint8Array => {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 512);
  return bytes;
};
