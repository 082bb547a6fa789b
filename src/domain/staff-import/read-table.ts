import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../contracts/errors.ts';

export type Table = string[][];

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isXlsx = (bytes: Uint8Array) => XLSX_MAGIC.every((b, i) => bytes[i] === b);

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

const readCsv = (fileName: string, bytes: Uint8Array): Table => {
  const text = decodeUtf8(fileName, bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.filter((e) => e.type === 'Quotes');
  if (fatal.length > 0) {
    throw new AppError(
      'import_invalid',
      `${fileName} is not a well-formed CSV file`,
      fatal.map((e) => ({ where: `${fileName} row ${(e.row ?? 0) + 1}`, reason: e.message })),
    );
  }
  return parsed.data.map((row) => row.map((cell) => cell ?? ''));
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
};

const readXlsx = async (fileName: string, bytes: Uint8Array): Promise<Table> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_invalid', `${fileName} could not be read as an Excel workbook`, [
      { where: fileName, reason: 'the file is damaged or not an .xlsx workbook' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import_invalid', `${fileName} has no worksheet`, [{ where: fileName, reason: 'the workbook is empty' }]);
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (row) => row ?? []);
};

/** Reads a staff export (CSV in UTF-8 with any common delimiter, or XLSX) into rows of text; the first row is the header. */
export const readTable = async (fileName: string, bytes: Uint8Array): Promise<Table> => {
  const table = isXlsx(bytes) ? await readXlsx(fileName, bytes) : readCsv(fileName, bytes);
  if (table.length < 2)
    throw new AppError('import_invalid', `${fileName} has no staff rows`, [
      { where: fileName, reason: 'expected a header row and at least one row of staff' },
    ]);
  return table;
};
