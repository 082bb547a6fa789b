import { describe, expect, it } from 'vitest';
import { staffFieldNames } from './fields.ts';
import { mappingWithin, missingColumns, staffFileProblem } from './wizard-rules.ts';

const MB = 1024 * 1024;

describe('the staff import wizard rules', () => {
  it('refuses a missing, too large, empty or wrongly named file, saying what to do', () => {
    expect(staffFileProblem(undefined, 5 * MB)).toBe('Select a CSV or Excel file');
    expect(staffFileProblem({ fileName: 'staff.csv', size: 6 * MB, truncated: false }, 5 * MB)).toBe(
      'The selected file must be smaller than 5 MB',
    );
    expect(staffFileProblem({ fileName: 'staff.csv', size: 5 * MB, truncated: true }, 5 * MB)).toBe(
      'The selected file must be smaller than 5 MB',
    );
    expect(staffFileProblem({ fileName: 'staff.csv', size: 0, truncated: false }, 5 * MB)).toBe('The selected file is empty');
    expect(staffFileProblem({ fileName: 'staff.xls', size: 10, truncated: false }, 5 * MB)).toBe(
      'The selected file must be a CSV or an Excel (.xlsx) file',
    );
    expect(staffFileProblem({ fileName: 'Staff.XLSX', size: 10, truncated: false }, 5 * MB)).toBeUndefined();
  });

  it('keeps a posted mapping within the file’s columns and names each required field left out', () => {
    const mapping = mappingWithin({ givenName: 0, familyName: 7, workEmail: -1 }, 3);
    expect(Object.keys(mapping)).toEqual(staffFieldNames);
    expect(mapping.givenName).toBe(0);
    expect(mapping.familyName).toBeNull();
    const missing = missingColumns(mapping).map((m) => m.field);
    expect(missing).toContain('familyName');
    expect(missing).not.toContain('givenName');
  });
});
