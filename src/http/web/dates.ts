/**
 * Dates and times as GOV.UK writes them ("3 December 2026", "3 Dec 2026" in dense tables,
 * "3 December 2026 at 2:05pm"), in UK local time. The page filters `govukDate`, `govukDateShort`,
 * `govukDateTime` and `govukTime` (src/http/web/views.ts) are these functions.
 *
 * A value is an instant (a `Date`, or an ISO date-time string), shown as it fell in Europe/London, or
 * a calendar date (`YYYY-MM-DD`, as the store gives `date` columns), shown as that day whatever the
 * time zone. Odd stored years (0001) format; anything unreadable is shown as it is, never thrown.
 */

const LONDON = 'Europe/London';

type Shown = Date | string | null | undefined;

const formats = {
  long: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON }),
  short: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: LONDON }),
  longDay: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  shortDay: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  clock: new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: LONDON }),
};

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

type Parsed = { kind: 'instant'; at: Date } | { kind: 'day'; at: Date } | { kind: 'unreadable'; text: string } | { kind: 'none' };

const parse = (value: Shown): Parsed => {
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'unreadable', text: '' } : { kind: 'instant', at: value };
  const text = String(value).trim();
  const day = calendarDate.exec(text);
  if (day) {
    // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
    const at = new Date(0);
    at.setUTCFullYear(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const valid = at.getUTCMonth() === Number(day[2]) - 1 && at.getUTCDate() === Number(day[3]);
    return valid ? { kind: 'day', at } : { kind: 'unreadable', text };
  }
  const at = new Date(text);
  return Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text) ? { kind: 'unreadable', text } : { kind: 'instant', at };
};

const dateWith = (value: Shown, instant: Intl.DateTimeFormat, day: Intl.DateTimeFormat): string => {
  const parsed = parse(value);
  if (parsed.kind === 'none') return '';
  if (parsed.kind === 'unreadable') return parsed.text;
  return (parsed.kind === 'day' ? day : instant).format(parsed.at);
};

/** "3 December 2026": the day an instant fell on in the UK, or a calendar date. */
export const govukDate = (value: Shown): string => dateWith(value, formats.long, formats.longDay);

/** "3 Dec 2026", for dense tables. */
export const govukDateShort = (value: Shown): string => dateWith(value, formats.short, formats.shortDay);

/** "2:05pm", "midnight", "midday": the UK local time of an instant (empty for a calendar date). */
export const govukTime = (value: Shown): string => {
  const parsed = parse(value);
  if (parsed.kind === 'unreadable') return parsed.text;
  if (parsed.kind !== 'instant') return '';
  const parts = formats.clock.formatToParts(parsed.at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (minute === '00' && hour === 0) return 'midnight';
  if (minute === '00' && hour === 12) return 'midday';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute}${hour < 12 ? 'am' : 'pm'}`;
};

/** "3 December 2026 at 2:05pm" in UK local time (a calendar date alone gives just the date). */
export const govukDateTime = (value: Shown): string => {
  const parsed = parse(value);
  if (parsed.kind !== 'instant') return govukDate(value);
  return `${govukDate(value)} at ${govukTime(value)}`;
};

/** "3 Dec 2026, 2:05pm": date and time for dense tables. */
export const govukDateTimeShort = (value: Shown): string => {
  const parsed = parse(value);
  if (parsed.kind !== 'instant') return govukDateShort(value);
  return `${govukDateShort(value)}, ${govukTime(value)}`;
};
