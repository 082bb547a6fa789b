import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readTable', () => {
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
});
