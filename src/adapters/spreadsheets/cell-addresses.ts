/** Spreadsheet cell references as the XLSX format writes them ("A1", "XFD1048576", "A1:C20"). */

/** The column number of spreadsheet column letters ("A" → 1, "XFD" → 16384); null when they are not letters. */
export const columnNumberOf = (letters: string): number | null => {
  if (!/^[A-Z]{1,7}$/i.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** A cell reference ("XFD1048576") as its column and row numbers; null when it is not one. */
export const cellAddressOf = (ref: string): { column: number; row: number } | null => {
  const match = /^\$?([A-Za-z]{1,7})\$?(\d{1,10})$/.exec(ref.trim());
  const column = match?.[1] ? columnNumberOf(match[1]) : null;
  const row = Number(match?.[2]);
  return column !== null && Number.isSafeInteger(row) && row > 0 ? { column, row } : null;
};

/** The extent a sheet's `<dimension ref="A1:XFD1048576">` declares: its last row and last column. */
export const declaredExtentOf = (ref: string): { rows: number; columns: number } | null => {
  const corners = ref.split(':').map(cellAddressOf);
  if (corners.some((c) => c === null) || corners.length === 0 || corners.length > 2) return null;
  const rows = Math.max(...corners.map((c) => c?.row ?? 0));
  const columns = Math.max(...corners.map((c) => c?.column ?? 0));
  return { rows, columns };
};
