/**
 * When a training completion expires, and where a person stands on a given day. Pure: dates are
 * ISO calendar dates (`YYYY-MM-DD`) and "today" is passed in.
 */

/** The warning windows, in days, shown to school admins (nearest first). */
export const expiryWindows = [30, 60, 90] as const;
export type ExpiryWindow = (typeof expiryWindows)[number];

export type TrainingKindRule = { validityMonths: number | null; appliesTo: 'everyone' | 'as-needed' };
export type TrainingCompletion = { completedOn: string; expiresOn: string | null };

export type TrainingStatus =
  | { status: 'missing' }
  | { status: 'not-required' }
  | { status: 'valid'; expiresOn: string | null }
  | { status: 'expiring'; expiresOn: string; daysLeft: number; window: ExpiryWindow }
  | { status: 'expired'; expiresOn: string; daysOverdue: number };

const dayMs = 86_400_000;
const parts = (date: string): [number, number, number] => {
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = date.split('-').map(Number);
  return [y, m, d];
};
const utc = (date: string) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / dayMs);

/** `date` plus a number of days. */
export const addDays = (date: string, days: number): string => iso(utc(date) + days * dayMs);

/**
 * The day a completion expires: `validityMonths` calendar months after completion, clamped to the
 * end of a shorter month (31 January + 1 month → 28 or 29 February). Null validity: never.
 */
export const expiryOf = (completedOn: string, validityMonths: number | null): string | null => {
  if (validityMonths === null) return null;
  const [y, m, d] = parts(completedOn);
  const monthIndex = m - 1 + validityMonths;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month, Math.min(d, lastDay)));
};

/** The largest warning window (the windows are listed nearest first). */
const largestWindow: ExpiryWindow = expiryWindows[expiryWindows.length - 1] ?? 90;

/** Standing of one person for one training kind, without the details. */
export type TrainingStatusName = TrainingStatus['status'];

/**
 * The rule, as data, for a completion that has an expiry day: the status is the first band whose
 * `daysLeftBelow` is above the days left until the expiry day (negative once it has passed). Valid
 * through the expiry day itself, expired from the day after; expiring within `windowDays` (the
 * largest warning window unless a view asks for a smaller one). The store's SQL for the school view
 * is generated from these same bands (store/training-status-sql.ts), so the two cannot drift.
 */
export const expiryBands = (
  windowDays: number = largestWindow,
): readonly { status: 'expired' | 'expiring' | 'valid'; daysLeftBelow: number }[] => [
  { status: 'expired', daysLeftBelow: 0 },
  { status: 'expiring', daysLeftBelow: windowDays + 1 },
  { status: 'valid', daysLeftBelow: Number.POSITIVE_INFINITY },
];

/** The status without a completion: required of everyone, or only as needed. */
export const statusWithoutRecord: Readonly<Record<TrainingKindRule['appliesTo'], 'missing' | 'not-required'>> = {
  everyone: 'missing',
  'as-needed': 'not-required',
};

/** A completion that never expires stays valid. */
export const statusWithoutExpiry = 'valid' as const;

/**
 * A person's standing for one training kind on `today` (see `expiryBands`); when expiring, the
 * window is the smallest one that holds the expiry day. No record: missing, or not required for
 * `as-needed` kinds.
 */
export const trainingStatusOn = (
  today: string,
  record: TrainingCompletion | undefined,
  kind: TrainingKindRule,
  windowDays: number = largestWindow,
): TrainingStatus => {
  if (!record) return { status: statusWithoutRecord[kind.appliesTo] };
  if (record.expiresOn === null) return { status: statusWithoutExpiry, expiresOn: null };
  const daysLeft = daysBetween(today, record.expiresOn);
  const band = expiryBands(windowDays).find((b) => daysLeft < b.daysLeftBelow)?.status ?? 'valid';
  if (band === 'expired') return { status: 'expired', expiresOn: record.expiresOn, daysOverdue: -daysLeft };
  if (band === 'expiring') {
    const window = expiryWindows.find((w) => daysLeft <= w) ?? largestWindow;
    return { status: 'expiring', expiresOn: record.expiresOn, daysLeft, window };
  }
  return { status: 'valid', expiresOn: record.expiresOn };
};
