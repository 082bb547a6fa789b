import { describe, expect, it } from 'vitest';
import {
  cellAddressOf,
  cellProblem,
  columnNumberOf,
  declaredExtentOf,
  extentProblem,
  neutraliseFormula,
  spreadsheetLimits,
  zipBombProblem,
} from './spreadsheet-safety.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+44 1234', `'+44 1234`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['Siân Jones', 'Siân Jones'],
  ])('%j → %j', (input, output) => expect(neutraliseFormula(input)).toBe(output));

  it('keeps numbers and blanks', () => {
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(neutraliseFormula(null)).toBe('');
  });
});

describe('spreadsheet limits', () => {
  it('reads cell references and declared extents', () => {
    expect(columnNumberOf('XFD')).toBe(16_384);
    expect(cellAddressOf('$B$7')).toEqual({ column: 2, row: 7 });
    expect(cellAddressOf('7B')).toBeNull();
    expect(declaredExtentOf('A1:XFD1048576')).toEqual({ rows: 1_048_576, columns: 16_384 });
    expect(declaredExtentOf('C3')).toEqual({ rows: 3, columns: 3 });
  });

  it('refuses extents and cells beyond the limits, saying which limit', () => {
    expect(extentProblem({ rows: 1_048_576, columns: 5 }, spreadsheetLimits)).toBe(
      'the sheet declares 1,048,576 rows; the import takes at most 20,000 (and a header row)',
    );
    expect(extentProblem({ rows: 20_001, columns: 200 }, spreadsheetLimits)).toBeNull();
    expect(cellProblem({ column: 16_384, row: 1 }, 'XFD1', spreadsheetLimits)).toMatch(/column 16,384; the import takes at most 200/);
  });

  it('refuses a zip from its declared sizes: too much in all, or an implausible ratio', () => {
    const part = (uncompressedBytes: number, compressedBytes: number) => ({
      name: 'xl/worksheets/sheet1.xml',
      uncompressedBytes,
      compressedBytes,
    });
    expect(zipBombProblem([part(420 * 1024 * 1024, 1_600_000)], spreadsheetLimits)).toMatch(/unpacks to 420 MB/);
    expect(zipBombProblem([part(40 * 1024 * 1024, 40_000)], spreadsheetLimits)).toMatch(/compressed 1,049 to 1/);
    expect(zipBombProblem([part(10 * 1024 * 1024, 1024 * 1024)], spreadsheetLimits)).toBeNull();
  });
});
