import { describe, expect, it } from 'vitest';
import { cellProblem, extentProblem, spreadsheetLimits, zipBombProblem } from './spreadsheet-limits.ts';

describe('spreadsheet limits', () => {
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
