import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX } from '../../contracts/portfolio/attachment.ts';
import { type AcceptedFile, acceptedFiles } from './accepted-files.ts';
import { cleanFileName, extensionsOf, storedFileName } from './file-name.ts';

const kind = (ext: string): AcceptedFile => {
  const found = acceptedFiles.find((f) => f.ext === ext);
  if (!found) throw new Error(`no accepted kind ${ext}`);
  return found;
};
const pdf = kind('pdf');
const jpg = kind('jpg');

describe('storedFileName', () => {
  it.each([
    ['certificate.pdf', pdf, 'certificate.pdf'],
    ['x.html', pdf, 'x.pdf'],
    ['report.PDF', pdf, 'report.PDF'],
    ['photo', jpg, 'photo.jpg'],
    ['scan.JPEG', jpg, 'scan.JPEG'],
    ['scan.png', jpg, 'scan.jpg'],
    ['Minutes 12.03.2026', pdf, 'Minutes 12.03.2026.pdf'],
    ['C:\\Users\\sam\\Desktop\\cert.pdf', pdf, 'cert.pdf'],
    ['../../etc/passwd', pdf, 'passwd.pdf'],
    ['', pdf, 'file.pdf'],
    ['.pdf', pdf, 'pdf.pdf'],
  ])('stores %j holding a %s as %j', (raw, file, expected) => {
    expect(storedFileName(raw, file.ext === 'pdf' ? pdf : file)).toBe(expected);
  });

  it('strips bidi controls, marks and other invisible characters, so the shown extension is the real one', () => {
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F']) {
      expect(storedFileName(`cv${control}fdp.exe`, pdf)).toBe('cvfdp.pdf');
    }
    expect(storedFileName('a\u0000b\u0007c\u200Bd\uFEFF.pdf', pdf)).toBe('abcd.pdf');
    expect(storedFileName('half\uD800.pdf', pdf)).toBe('half.pdf');
    expect(cleanFileName('  lots   of\tspace .pdf ')).toBe('lots of space .pdf');
  });

  it('normalises to NFC, so the same name typed two ways is stored the same', () => {
    expect(storedFileName('Zoe\u0308.pdf', pdf)).toBe('Zo\u00eb.pdf');
    expect(storedFileName('Zo\u00eb.pdf', pdf)).toBe('Zo\u00eb.pdf');
  });

  it('cuts a long name to the limit, keeping the extension and whole characters', () => {
    const long = storedFileName(`${'é'.repeat(150)}${'📚'.repeat(100)}.html`, pdf);
    expect([...long].length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(long.isWellFormed()).toBe(true);
  });

  it('counts the spellings of a kind as agreeing with it', () => {
    expect(extensionsOf(jpg)).toEqual(expect.arrayContaining(['jpg', 'jpeg']));
    expect(extensionsOf(kind('ogg'))).toEqual(expect.arrayContaining(['ogg', 'oga', 'opus']));
  });
});
