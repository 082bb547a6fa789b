/**
 * The staff import's limits on a spreadsheet and the rules that refuse one beyond them (declared
 * extent, a cell's position, a zip's declared sizes). Reading the format is in adapters/spreadsheets/.
 */

/** What a staff spreadsheet may hold before it is refused; the reader stops as soon as one is exceeded. */
export type SpreadsheetLimits = {
  /** Rows of staff, not counting the header row. */
  maxRows: number;
  maxColumns: number;
  /** Non-empty cells in the whole sheet. */
  maxCells: number;
  /** Bytes a workbook may inflate to, declared or actual, over the parts that are read. */
  maxUncompressedBytes: number;
  /** How many times larger than its compressed size a large part may declare itself. */
  maxCompressionRatio: number;
  /** Wall-clock time for reading one file. */
  maxMilliseconds: number;
  /** Heap of the worker that reads the file. */
  maxMemoryMb: number;
};

/** The limits of the staff import: far above any school's staff list, far below what hurts the server. */
export const spreadsheetLimits: SpreadsheetLimits = {
  maxRows: 20_000,
  maxColumns: 200,
  maxCells: 1_000_000,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxMilliseconds: 20_000,
  maxMemoryMb: 256,
};

/** A count as a person reads it ("1,048,576"). */
export const countText = (n: number): string => n.toLocaleString('en-GB');

/** Why a sheet's declared extent is refused, or null when it fits. */
export const extentProblem = (extent: { rows: number; columns: number }, limits: SpreadsheetLimits): string | null => {
  if (extent.rows > limits.maxRows + 1)
    return `the sheet declares ${countText(extent.rows)} rows; the import takes at most ${countText(limits.maxRows)} (and a header row)`;
  if (extent.columns > limits.maxColumns)
    return `the sheet declares ${countText(extent.columns)} columns; the import takes at most ${countText(limits.maxColumns)}`;
  return null;
};

/** Why a cell holding a value is refused for where it lies, or null when it fits. */
export const cellProblem = (address: { column: number; row: number }, ref: string, limits: SpreadsheetLimits): string | null => {
  if (address.row > limits.maxRows + 1)
    return `cell ${ref} is on row ${countText(address.row)}; the import takes at most ${countText(limits.maxRows)} rows (and a header row)`;
  if (address.column > limits.maxColumns)
    return `cell ${ref} is in column ${countText(address.column)}; the import takes at most ${countText(limits.maxColumns)} columns`;
  return null;
};

/** One part of a zip archive as its central directory declares it. */
export type ZipPart = { name: string; compressedBytes: number; uncompressedBytes: number };

/**
 * Why a workbook is refused from its central directory alone, before anything is inflated: the parts
 * to be read declare more than the limit in all, or a large part claims an implausible compression ratio.
 */
export const zipBombProblem = (parts: readonly ZipPart[], limits: SpreadsheetLimits): string | null => {
  const mb = (n: number) => `${countText(Math.ceil(n / (1024 * 1024)))} MB`;
  const total = parts.reduce((sum, p) => sum + p.uncompressedBytes, 0);
  if (total > limits.maxUncompressedBytes)
    return `the workbook unpacks to ${mb(total)}; the import reads at most ${mb(limits.maxUncompressedBytes)}`;
  const suspicious = parts.find(
    (p) => p.uncompressedBytes > 1024 * 1024 && p.uncompressedBytes > limits.maxCompressionRatio * Math.max(p.compressedBytes, 1),
  );
  if (suspicious)
    return `${suspicious.name} is compressed ${countText(Math.round(suspicious.uncompressedBytes / Math.max(suspicious.compressedBytes, 1)))} to 1, more than the ${countText(limits.maxCompressionRatio)} to 1 a real workbook has`;
  return null;
};
