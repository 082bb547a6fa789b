/**
 * Neutralises spreadsheet formula injection in exported cells (CSV and XLSX): a value starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula when the export is opened,
 * so it is prefixed with an apostrophe (OWASP's recommendation). Numbers stay numbers.
 */
export const neutraliseFormula = (value: string | number | null | undefined): string | number => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};
