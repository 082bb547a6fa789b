import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { spreadsheetLimits } from '../../domain/spreadsheet-limits.ts';
import { farCellWorkbook, minimalXlsx, zipBombWorkbook } from '../../testing/hostile-spreadsheets.ts';
import { readSpreadsheet as readTable } from './read-spreadsheet.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readSpreadsheet', () => {
  it('reads UTF-8 CSV with a byte-order mark, semicolons and diacritics', async () => {
    const bytes = utf8('\uFEFFLegal Surname;Preferred Forename\r\nÓ Súilleabháin;Siân\r\nBrontë;Zoë\r\n');
    expect(await readTable('staff.csv', bytes)).toEqual([
      ['Legal Surname', 'Preferred Forename'],
      ['Ó Súilleabháin', 'Siân'],
      ['Brontë', 'Zoë'],
    ]);
  });

  it('reads quoted fields with commas', async () => {
    expect(await readTable('staff.csv', utf8('Name,Job\n"Jones, Siân","TA, Year 2"\n'))).toEqual([
      ['Name', 'Job'],
      ['Jones, Siân', 'TA, Year 2'],
    ]);
  });

  it('refuses a file in another encoding, saying how to fix it', async () => {
    const latin1 = Uint8Array.from([...utf8('Surname,Forename\nJones,Si'), 0xe2, 0x6e, 0x0a]);
    await expect(readTable('staff.csv', latin1)).rejects.toMatchObject({
      code: 'import_invalid',
      details: [expect.objectContaining({ reason: expect.stringContaining('wrong encoding') })],
    });
  });

  it('refuses a file with a header and no rows', async () => {
    await expect(readTable('staff.csv', utf8('Surname,Forename\n'))).rejects.toMatchObject({ message: 'staff.csv has no staff rows' });
  });

  it('reads the first worksheet of an XLSX workbook, dates as ISO dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Staff');
    sheet.addRow(['Legal Surname', 'Preferred Forename', 'Start Date']);
    sheet.addRow(['Jones', 'Siân', new Date(Date.UTC(2020, 8, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readTable('staff.xlsx', bytes)).toEqual([
      ['Legal Surname', 'Preferred Forename', 'Start Date'],
      ['Jones', 'Siân', '2020-09-01'],
    ]);
  });

  it('refuses a damaged workbook', async () => {
    await expect(readTable('staff.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      code: 'import_invalid',
    });
  });

  it('reads inline strings, entities, numbers and a sparse cell within the limits', async () => {
    const bytes = minimalXlsx({ A1: 'Surname', B1: 'Hours', C1: 'Note', A2: 'Ó Súilleabháin & Co', B2: '32.5', C5: 'far but fine' });
    expect(await readTable('staff.xlsx', bytes)).toEqual([
      ['Surname', 'Hours', 'Note'],
      ['Ó Súilleabháin & Co', '32.5'],
      [],
      [],
      ['', '', 'far but fine'],
    ]);
  });
});

describe('readSpreadsheet refuses hostile files, naming the file and the limit', () => {
  it('refuses the workbook with one cell at XFD1048576 from its declared dimension', async () => {
    await expect(readTable('staff.xlsx', farCellWorkbook())).rejects.toMatchObject({
      code: 'import_invalid',
      message: 'staff.xlsx: the sheet declares 1,048,576 rows; the import takes at most 20,000 (and a header row)',
    });
  });

  it('refuses the far cell when the sheet declares no dimension, without building the grid', async () => {
    await expect(readTable('staff.xlsx', farCellWorkbook({ declareDimension: false }))).rejects.toMatchObject({
      message: 'staff.xlsx: cell XFD1048576 is on row 1,048,576; the import takes at most 20,000 rows (and a header row)',
    });
    await expect(readTable('wide.xlsx', minimalXlsx({ A1: 'Surname', XFD1: 'x', A2: 'Jones' }))).rejects.toMatchObject({
      message: 'wide.xlsx: cell XFD1 is in column 16,384; the import takes at most 200 columns',
    });
  });

  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    await expect(readTable('bomb.xlsx', zipBombWorkbook(420, 'truth'))).rejects.toMatchObject({
      message: 'bomb.xlsx: the workbook unpacks to 421 MB; the import reads at most 64 MB',
    });
  });

  it('refuses a part compressed far more than a real workbook ever is', async () => {
    await expect(readTable('bomb.xlsx', zipBombWorkbook(40, 'truth'))).rejects.toMatchObject({
      message: expect.stringMatching(/^bomb\.xlsx: xl\/worksheets\/sheet1\.xml is compressed [\d,]+ to 1, more than the 200 to 1/),
    });
  });

  it('stops inflating a zip bomb that lies about its size at the byte limit', async () => {
    // No time limit in the way: on a loaded machine inflating 64 MB can take longer than the import's 20 s.
    const untimed = { ...spreadsheetLimits, maxMilliseconds: 10 * 60_000 };
    await expect(readTable('bomb.xlsx', zipBombWorkbook(420, 'lie'), untimed)).rejects.toMatchObject({
      message: 'bomb.xlsx: the workbook unpacks to more than 64 MB; the import reads at most 64 MB',
    });
  });

  it('refuses more rows, columns or cells than the limits, in CSV too', async () => {
    const limits = { ...spreadsheetLimits, maxRows: 3, maxColumns: 4, maxCells: 10 };
    const rows = (n: number, width: number) => utf8(Array.from({ length: n }, () => Array(width).fill('x').join(',')).join('\n'));
    await expect(readTable('staff.csv', rows(5, 2), limits)).rejects.toMatchObject({
      message: 'staff.csv: the file has more than 3 rows of staff; the import takes at most 3',
    });
    await expect(readTable('staff.csv', rows(2, 5), limits)).rejects.toMatchObject({
      message: 'staff.csv: row 1 has 5 columns; the import takes at most 4',
    });
    await expect(readTable('staff.csv', rows(4, 4), limits)).rejects.toMatchObject({
      message: 'staff.csv: the file has more than 10 cells; the import takes at most that',
    });
    const sheet = minimalXlsx({ A1: 'a', A2: 'b', A3: 'c', A4: 'd', A5: 'e' });
    await expect(readTable('staff.xlsx', sheet, limits)).rejects.toMatchObject({
      message: 'staff.xlsx: cell A5 is on row 5; the import takes at most 3 rows (and a header row)',
    });
  });

  it('stops the reader and refuses when reading takes longer than the time limit', async () => {
    await expect(readTable('slow.xlsx', zipBombWorkbook(420, 'lie'), { ...spreadsheetLimits, maxMilliseconds: 5 })).rejects.toMatchObject({
      message: 'slow.xlsx: reading the file took longer than 0.005 seconds, the most the import allows',
    });
  });
});
