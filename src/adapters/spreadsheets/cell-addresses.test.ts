import { describe, expect, it } from 'vitest';
import { cellAddressOf, columnNumberOf, declaredExtentOf } from './cell-addresses.ts';

describe('cell references', () => {
  it('reads cell references and declared extents', () => {
    expect(columnNumberOf('XFD')).toBe(16_384);
    expect(cellAddressOf('$B$7')).toEqual({ column: 2, row: 7 });
    expect(cellAddressOf('7B')).toBeNull();
    expect(declaredExtentOf('A1:XFD1048576')).toEqual({ rows: 1_048_576, columns: 16_384 });
    expect(declaredExtentOf('C3')).toEqual({ rows: 3, columns: 3 });
  });
});
