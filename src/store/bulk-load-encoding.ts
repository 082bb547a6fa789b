/**
 * Values in PostgreSQL's COPY text format: one line per row, columns separated by tabs, `\N` for
 * null, backslash escapes for the characters that would end a field or a line. Arrays are written
 * as array literals and objects as JSON (the jsonb columns), then escaped like any text.
 */

const escapeText = (text: string) =>
  /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;

const arrayLiteral = (values: readonly unknown[]) =>
  `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

/** One value as a COPY text field. */
export const copyField = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify(value));
};

/** One row as a COPY text line (with its newline), the columns in the given order. */
export const copyLine = (row: Readonly<Record<string, unknown>>, columns: readonly string[]): string => {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(row[columns[i] as string]);
  }
  return `${line}\n`;
};
