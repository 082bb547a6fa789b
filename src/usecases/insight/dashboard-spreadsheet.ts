import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';

/**
 * The one writer of the workforce dashboard's spreadsheets (the list behind a figure, and the
 * dashboard's own tables): CSV with a byte-order mark and CRLF, or XLSX, every cell through
 * neutraliseFormula so a value such as `=HYPERLINK(…)` never runs when the file is opened.
 */

/** A row of the sheet; a title or a heading is set in bold in XLSX. */
export type SheetRow = { cells: readonly (string | number | null | undefined)[]; kind?: 'title' | 'heading' | 'header' };

export type SpreadsheetFile = { fileName: string; contentType: string; bytes: Uint8Array };

export const writeSpreadsheet = async (
  format: 'csv' | 'xlsx',
  file: { baseName: string; sheetName: string },
  rows: readonly SheetRow[],
): Promise<SpreadsheetFile> => {
  const cells = rows.map((r) => r.cells.map((c) => neutraliseFormula(c)));
  if (format === 'csv') {
    const text = Papa.unparse(cells, { newline: '\r\n' });
    return {
      fileName: `${file.baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: new TextEncoder().encode(`\uFEFF${text}\r\n`),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(file.sheetName);
  rows.forEach((row, i) => {
    const added = sheet.addRow(cells[i] ?? []);
    if (row.kind === 'title' || row.kind === 'heading') added.font = { bold: true, size: row.kind === 'title' ? 14 : 12 };
    if (row.kind === 'header') added.font = { bold: true };
  });
  return {
    fileName: `${file.baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
  };
};
