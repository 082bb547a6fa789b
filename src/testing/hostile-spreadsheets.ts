/**
 * Hostile workbooks for tests, built in memory with fflate: a minimal valid XLSX with a sparse far-away
 * cell, and zip bombs that inflate to hundreds of megabytes (made cheaply by repeating one
 * independently compressed block, so generating one costs a megabyte of work, not hundreds).
 */
import { Deflate, strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts of a one-sheet workbook other than the sheet itself. */
const workbookParts = (): Record<string, string> => ({
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
});

/** A minimal valid XLSX whose one sheet holds the given cells (inline strings), with the given `<dimension>` if any. */
export const minimalXlsx = (cells: Record<string, string>, dimension?: string): Uint8Array => {
  const byRow = Map.groupBy(Object.entries(cells), ([ref]) => Number(/\d+$/.exec(ref)?.[0]));
  const rows = [...byRow]
    .sort(([a], [b]) => a - b)
    .map(
      ([row, entries]) =>
        `<row r="${row}">${entries.map(([ref, text]) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
  const parts = { ...workbookParts(), 'xl/worksheets/sheet1.xml': sheet };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
};

/** The workbook of the report: cells A1–E2 (a header and one person) and one cell at XFD1048576. */
export const farCellWorkbook = (options: { declareDimension: boolean } = { declareDimension: true }): Uint8Array =>
  minimalXlsx(
    {
      A1: 'Staff Code',
      B1: 'Legal Surname',
      C1: 'Preferred Forename',
      D1: 'Work Email',
      E1: 'Role',
      A2: 'F1',
      B2: 'Far',
      C2: 'Faye',
      D2: 'faye@school.example',
      E2: 'TA2',
      XFD1048576: 'x',
    },
    options.declareDimension ? 'A1:XFD1048576' : undefined,
  );

/** Raw deflate data that inflates to `megabytes` MB of one repeated byte inside the sheet's XML. */
const bombStream = (megabytes: number) => {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 });
  deflate.ondata = (chunk) => chunks.push(chunk);
  deflate.push(new Uint8Array(1024 * 1024).fill(0x20));
  deflate.flush(true);
  // One megabyte compressed from an empty history and ended on a byte boundary: copies of it inflate alike.
  const block = Buffer.concat(chunks);
  const head = storedBlock(strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`));
  return Buffer.concat([head, ...Array.from({ length: megabytes }, () => block), Uint8Array.from([0x03, 0x00])]);
};

/** A non-final stored deflate block holding the bytes as they are (at most 65,535 of them). */
const storedBlock = (bytes: Uint8Array) => {
  const header = Buffer.alloc(5);
  header.writeUInt8(0, 0);
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
};

/** Raw deflate data of the text, as a whole stream. */
const deflateRaw = (text: string) => {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate();
  deflate.ondata = (chunk) => chunks.push(chunk);
  deflate.push(strToU8(text), true);
  return Buffer.concat(chunks);
};

type Entry = { name: string; data: Uint8Array; size: number };

/** A zip archive written by hand, so that an entry may declare any size it likes. */
const zipOf = (entries: readonly Entry[]) => {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(entry.data));
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
};

/**
 * A zip bomb: a valid workbook whose sheet inflates to `megabytes` MB. With `declare: 'truth'` the central
 * directory says so; with `declare: 'lie'` it claims the sheet is 2 KB, so only a hard cap on inflation stops it.
 */
export const zipBombWorkbook = (megabytes: number, declare: 'truth' | 'lie'): Uint8Array => {
  const sheet = bombStream(megabytes);
  const others = Object.entries(workbookParts()).map(([name, text]) => ({ name, data: deflateRaw(text), size: strToU8(text).length }));
  const size = declare === 'truth' ? Math.min(megabytes * 1024 * 1024 + 200, 0xffffffff) : 2048;
  return zipOf([...others, { name: 'xl/worksheets/sheet1.xml', data: sheet, size }]);
};
