/**
 * Reads a staff spreadsheet (CSV in UTF-8, or the first sheet of an XLSX workbook) into rows of text,
 * within the limits of `spreadsheetLimits`: the workbook's central directory is checked before
 * anything is inflated, parts are inflated a few kilobytes at a time against a hard byte budget (a
 * declared size may lie), and the sheet is read row by row, so a far-away cell is refused rather than
 * a grid being built to reach it. Synchronous and CPU-bound: run it in a worker (read-spreadsheet.ts).
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { AppError, isAppError } from '../../contracts/errors.ts';
import {
  cellProblem,
  countText,
  extentProblem,
  type SpreadsheetLimits,
  type ZipPart,
  zipBombProblem,
} from '../../domain/spreadsheet-limits.ts';
import { cellAddressOf, declaredExtentOf } from './cell-addresses.ts';
import { attributeOf, dateStylesOf, NS, runsText, serialDate, xmlText } from './xlsx-xml.ts';

export type Table = string[][];

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isXlsx = (bytes: Uint8Array) => XLSX_MAGIC.every((b, i) => bytes[i] === b);
/** Compressed bytes inflated at a time: at most about a thousand times that comes out of one push. */
const INFLATE_STEP = 4 * 1024;

/** A limit was reached: the message names the file and the limit. */
const overLimit = (fileName: string, reason: string) => new AppError('import_invalid', `${fileName}: ${reason}`);

const damaged = (fileName: string) =>
  new AppError('import_invalid', `${fileName} could not be read as an Excel workbook`, [
    { where: fileName, reason: 'the file is damaged or not an .xlsx workbook' },
  ]);

type Reading = { fileName: string; limits: SpreadsheetLimits; deadline: number; now: () => number };

const lateness = (reading: Reading): string | null =>
  reading.now() > reading.deadline
    ? `reading the file took longer than ${countText(reading.limits.maxMilliseconds / 1000)} seconds, the most the import allows`
    : null;

const checkTime = (reading: Reading) => {
  const late = lateness(reading);
  if (late) throw overLimit(reading.fileName, late);
};

/** Decodes strictly as UTF-8, so a file saved in another encoding is refused instead of mangling names. */
const decodeUtf8 = (fileName: string, bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('import_invalid', `${fileName} is not UTF-8 text`, [
      { where: fileName, reason: 'wrong encoding: save the file as "CSV UTF-8" (names such as Siân or Zoë would otherwise be corrupted)' },
    ]);
  }
};

const readCsv = (reading: Reading, bytes: Uint8Array): Table => {
  const { fileName, limits } = reading;
  const text = decodeUtf8(fileName, bytes);
  const rows: Table = [];
  const quoteErrors: { where: string; reason: string }[] = [];
  let cells = 0;
  let problem: string | null = null;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const row = result.data;
      const number = rows.length + 1;
      cells += row.length;
      if (number > limits.maxRows + 1)
        problem = `the file has more than ${countText(limits.maxRows)} rows of staff; the import takes at most ${countText(limits.maxRows)}`;
      else if (row.length > limits.maxColumns)
        problem = `row ${countText(number)} has ${countText(row.length)} columns; the import takes at most ${countText(limits.maxColumns)}`;
      else if (cells > limits.maxCells)
        problem = `the file has more than ${countText(limits.maxCells)} cells; the import takes at most that`;
      if (problem === null && number % 256 === 0) problem = lateness(reading);
      if (problem !== null) {
        parser.abort();
        return;
      }
      for (const e of result.errors) if (e.type === 'Quotes') quoteErrors.push({ where: `${fileName} row ${number}`, reason: e.message });
      rows.push(row.map((cell) => cell ?? ''));
    },
  });
  if (problem !== null) throw overLimit(fileName, problem);
  if (quoteErrors.length > 0) throw new AppError('import_invalid', `${fileName} is not a well-formed CSV file`, quoteErrors);
  return rows;
};

/** The parts of the workbook as its central directory declares them; nothing is inflated. */
const zipPartsOf = (fileName: string, bytes: Uint8Array): ZipPart[] => {
  const parts: ZipPart[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        parts.push({ name: file.name, compressedBytes: file.size, uncompressedBytes: file.originalSize });
        return false;
      },
    });
  } catch {
    throw damaged(fileName);
  }
  return parts;
};

/**
 * Inflates the named parts, handing each chunk to its handler as it comes out, against a byte budget
 * shared by every part read (so a part that lies about its size is stopped all the same).
 */
const inflateParts = (
  reading: Reading,
  bytes: Uint8Array,
  budget: { left: number },
  handlers: Map<string, (chunk: Uint8Array) => void>,
) => {
  const found = new Set<string>();
  const unzip = new Unzip((file) => {
    const handle = handlers.get(file.name);
    if (!handle) return;
    found.add(file.name);
    file.ondata = (error, chunk) => {
      // fflate hands back what a handler threw as an error of the stream: a refusal stays a refusal.
      if (error) throw isAppError(error) ? error : damaged(reading.fileName);
      budget.left -= chunk.length;
      if (budget.left < 0) {
        const mb = countText(Math.round(reading.limits.maxUncompressedBytes / (1024 * 1024)));
        throw overLimit(reading.fileName, `the workbook unpacks to more than ${mb} MB; the import reads at most ${mb} MB`);
      }
      handle(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += INFLATE_STEP) {
      unzip.push(bytes.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= bytes.length);
      if ((at / INFLATE_STEP) % 64 === 0) checkTime(reading);
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw damaged(reading.fileName);
  }
  return found;
};

/** The text of small parts (workbook, relationships, shared strings, styles), read whole. */
const readTextParts = (reading: Reading, bytes: Uint8Array, budget: { left: number }, names: readonly string[]) => {
  const chunks = new Map<string, Uint8Array[]>(names.map((n) => [n, []]));
  inflateParts(reading, bytes, budget, new Map(names.map((n) => [n, (chunk: Uint8Array) => chunks.get(n)?.push(chunk)])));
  const decoder = new TextDecoder('utf-8');
  return new Map([...chunks].map(([name, parts]) => [name, parts.length > 0 ? decoder.decode(Buffer.concat(parts)) : null]));
};

const sharedStringsOf = (reading: Reading, xml: string | null): string[] => {
  if (xml === null) return [];
  const strings: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${NS}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${NS}si>)`, 'g'))) {
    strings.push(runsText(m[1] ?? ''));
    if (strings.length > reading.limits.maxCells)
      throw overLimit(
        reading.fileName,
        `the workbook has more than ${countText(reading.limits.maxCells)} strings; the import takes at most that`,
      );
  }
  return strings;
};

const WORKBOOK_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

type Workbook = { sheetPath: string; sharedStringsPath: string | null; stylesPath: string | null; date1904: boolean };

const partPath = (target: string) => {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
};

const workbookOf = (reading: Reading, bytes: Uint8Array, budget: { left: number }): Workbook => {
  const parts = readTextParts(reading, bytes, budget, WORKBOOK_PARTS);
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw damaged(reading.fileName);
  const firstSheet = new RegExp(`<${NS}sheet\\s[^>]*>`).exec(workbook)?.[0];
  const sheetRel = firstSheet ? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(firstSheet)?.[1] : undefined;
  const relationships = [...rels.matchAll(new RegExp(`<${NS}Relationship\\s[^>]*>`, 'g'))].map((m) => ({
    id: attributeOf(m[0], 'Id'),
    type: attributeOf(m[0], 'Type') ?? '',
    target: attributeOf(m[0], 'Target') ?? '',
  }));
  const sheet = relationships.find((r) => r.id === sheetRel);
  if (!sheet)
    throw new AppError('import_invalid', `${reading.fileName} has no worksheet`, [
      { where: reading.fileName, reason: 'the workbook is empty' },
    ]);
  const byType = (suffix: string) => {
    const found = relationships.find((r) => r.type.endsWith(suffix));
    return found ? partPath(found.target) : null;
  };
  const workbookPr = new RegExp(`<${NS}workbookPr\\s[^>]*>`).exec(workbook)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attributeOf(workbookPr, 'date1904') ?? '');
  return { sheetPath: partPath(sheet.target), sharedStringsPath: byType('/sharedStrings'), stylesPath: byType('/styles'), date1904 };
};

const ROW_START = new RegExp(`<${NS}row[\\s>/]`, 'g');
const ROW_END = new RegExp(`</${NS}row>`, 'g');
const CELL = new RegExp(`<${NS}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}c>)`, 'g');
const VALUE = new RegExp(`<${NS}v(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}v>`);
const INLINE = new RegExp(`<${NS}is(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}is>`);
const DIMENSION = new RegExp(`<${NS}dimension\\s[^>]*>`);

type CellContext = { sharedStrings: readonly string[]; dateStyles: readonly boolean[]; date1904: boolean };

const cellValue = (attributes: string, inner: string, context: CellContext): string => {
  const type = attributeOf(attributes, 't') ?? 'n';
  if (type === 'inlineStr') return runsText(INLINE.exec(inner)?.[1] ?? '');
  const raw = xmlText(VALUE.exec(inner)?.[1] ?? '');
  if (raw === '') return '';
  if (type === 's') return context.sharedStrings[Number(raw)] ?? '';
  if (type === 'str' || type === 'b') return type === 'b' ? String(raw === '1') : raw;
  if (type === 'e') return '';
  if (type === 'd') return raw.slice(0, 10);
  const number = Number(raw);
  if (!Number.isFinite(number)) return raw;
  const style = Number(attributeOf(attributes, 's') ?? 0);
  return context.dateStyles[style] ? serialDate(number, context.date1904) : String(number);
};

/** Reads a worksheet's XML as it is inflated, one complete `<row>` at a time. */
const sheetReader = (reading: Reading, context: CellContext) => {
  const { fileName, limits } = reading;
  const decoder = new TextDecoder('utf-8');
  const rows: string[][] = [];
  let text = '';
  let seenRow = false;
  let lastRow = 0;
  let cells = 0;

  const readRow = (startTag: string, inner: string) => {
    const row = Number(attributeOf(startTag, 'r') ?? lastRow + 1);
    lastRow = row;
    if (row % 256 === 0) checkTime(reading);
    let column = 0;
    for (const m of inner.matchAll(CELL)) {
      const attributes = m[1] ?? '';
      const ref = attributeOf(attributes, 'r');
      const address = ref ? cellAddressOf(ref) : { row, column: column + 1 };
      if (!address) throw damaged(fileName);
      column = address.column;
      const value = cellValue(attributes, m[2] ?? '', context).trim();
      if (value === '') continue;
      const problem = cellProblem(address, ref ?? `in column ${address.column} of row ${address.row}`, limits);
      if (problem) throw overLimit(fileName, problem);
      cells += 1;
      if (cells > limits.maxCells)
        throw overLimit(fileName, `the sheet has more than ${countText(limits.maxCells)} cells with values; the import takes at most that`);
      rows[address.row - 1] ??= [];
      const cellsOfRow = rows[address.row - 1];
      if (cellsOfRow) cellsOfRow[address.column - 1] = value;
    }
  };

  const checkDimension = () => {
    const tag = DIMENSION.exec(text)?.[0];
    const extent = tag ? declaredExtentOf(attributeOf(tag, 'ref') ?? '') : null;
    const problem = extent ? extentProblem(extent, limits) : null;
    if (problem) throw overLimit(fileName, problem);
  };

  const drain = () => {
    let at = 0;
    let unfinished = false;
    for (;;) {
      ROW_START.lastIndex = at;
      const start = ROW_START.exec(text);
      if (!start) break;
      if (!seenRow) {
        checkDimension();
        seenRow = true;
      }
      const tagEnd = text.indexOf('>', start.index);
      if (tagEnd < 0) {
        at = start.index;
        unfinished = true;
        break;
      }
      const startTag = text.slice(start.index, tagEnd + 1);
      if (startTag.endsWith('/>')) {
        readRow(startTag, '');
        at = tagEnd + 1;
        continue;
      }
      ROW_END.lastIndex = tagEnd;
      const end = ROW_END.exec(text);
      if (!end) {
        at = start.index;
        unfinished = true;
        break;
      }
      readRow(startTag, text.slice(tagEnd + 1, end.index));
      at = end.index + end[0].length;
    }
    if (!seenRow) checkDimension();
    // Keep only what a later chunk may complete: an unfinished row, or the tail where a tag may begin.
    if (at > 0) text = text.slice(at);
    else if (!unfinished && text.length > 4096) text = text.slice(-4096);
  };

  return {
    push: (chunk: Uint8Array) => {
      text += decoder.decode(chunk, { stream: true });
      drain();
    },
    table: (): Table => Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? '')),
  };
};

const readXlsx = (reading: Reading, bytes: Uint8Array): Table => {
  const { fileName, limits } = reading;
  const parts = zipPartsOf(fileName, bytes);
  const refuseBombs = (names: readonly (string | null)[]) => {
    const problem = zipBombProblem(
      parts.filter((p) => names.includes(p.name)),
      limits,
    );
    if (problem) throw overLimit(fileName, problem);
  };
  refuseBombs(WORKBOOK_PARTS);
  const budget = { left: limits.maxUncompressedBytes };
  const workbook = workbookOf(reading, bytes, budget);
  refuseBombs([...WORKBOOK_PARTS, workbook.sheetPath, workbook.sharedStringsPath, workbook.stylesPath]);
  const names = [workbook.sharedStringsPath, workbook.stylesPath].filter((n) => n !== null);
  const texts = readTextParts(reading, bytes, budget, names);
  const context: CellContext = {
    sharedStrings: sharedStringsOf(reading, workbook.sharedStringsPath ? (texts.get(workbook.sharedStringsPath) ?? null) : null),
    dateStyles: dateStylesOf(workbook.stylesPath ? (texts.get(workbook.stylesPath) ?? null) : null),
    date1904: workbook.date1904,
  };
  const sheet = sheetReader(reading, context);
  const found = inflateParts(reading, bytes, budget, new Map([[workbook.sheetPath, sheet.push]]));
  if (!found.has(workbook.sheetPath)) throw damaged(fileName);
  return sheet.table();
};

/**
 * Reads a staff export (CSV in UTF-8 with any common delimiter, or XLSX) into rows of text; the first
 * row is the header. Refuses, naming the file and the limit, anything over `limits`.
 */
export const parseSpreadsheet = (
  fileName: string,
  bytes: Uint8Array,
  limits: SpreadsheetLimits,
  now: () => number = () => Date.now(),
): Table => {
  const reading: Reading = { fileName, limits, deadline: now() + limits.maxMilliseconds, now };
  const table = isXlsx(bytes) ? readXlsx(reading, bytes) : readCsv(reading, bytes);
  if (table.length < 2)
    throw new AppError('import_invalid', `${fileName} has no staff rows`, [
      { where: fileName, reason: 'expected a header row and at least one row of staff' },
    ]);
  return table;
};
