import { type ColumnMapping, type StaffField, staffFieldNames, staffFields } from './fields.ts';

/** The file kinds the staff import reads (the reader decides the type from the bytes; the name must agree). */
const STAFF_FILE_NAME = /\.(csv|xlsx)$/i;

/** "5 MB": the import size limit as the upload page states it. */
export const megabytesOf = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/**
 * Why an uploaded staff file is refused before it is read, or undefined when it may be read: none
 * chosen, over the limit (or cut short at it), empty, or not named as a CSV or Excel workbook.
 */
export const staffFileProblem = (
  file: { fileName: string | undefined; size: number; truncated: boolean } | undefined,
  maxBytes: number,
): string | undefined => {
  if (!file?.fileName) return 'Select a CSV or Excel file';
  if (file.truncated || file.size > maxBytes) return `The selected file must be smaller than ${megabytesOf(maxBytes)} MB`;
  if (file.size === 0) return 'The selected file is empty';
  if (!STAFF_FILE_NAME.test(file.fileName)) return 'The selected file must be a CSV or an Excel (.xlsx) file';
  return undefined;
};

/** The required fields a column mapping leaves without a column, each with what to do. */
export const missingColumns = (mapping: ColumnMapping): { field: StaffField; text: string }[] =>
  staffFieldNames
    .filter((f) => staffFields[f].required && mapping[f] === null)
    .map((f) => ({ field: f, text: `Select the column that holds the ${staffFields[f].label.toLowerCase()}` }));

/** The posted mapping kept within the file's columns: a column index per field, or none. */
export const mappingWithin = (asked: Readonly<Partial<Record<StaffField, number | null>>>, columns: number): ColumnMapping =>
  Object.fromEntries(
    staffFieldNames.map((field) => {
      const value = asked[field];
      return [field, typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < columns ? value : null];
    }),
  ) as ColumnMapping;
