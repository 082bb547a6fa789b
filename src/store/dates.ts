/**
 * pg returns a `date` column as local midnight; this gives back the ISO calendar date it stands for,
 * with a four-digit year even for the years 1–999 that older rows may hold.
 */
export const isoDateOf = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The same for a nullable `date` column. */
export const isoDateOrNull = (d: Date | null): string | null => (d ? isoDateOf(d) : null);
