import type { SchoolTerm } from '../../framework/partnership-teaching-rules.ts';

/** One school term of one year: `2026-autumn`, "Autumn term 2026", with its first and last dates. */
export type TermPeriod = { id: string; title: string; start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The term (from the rules' calendar months) an ISO date falls in. */
export const termOf = (terms: readonly SchoolTerm[], date: string): TermPeriod => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const term = terms.find((t) => month >= t.fromMonth && month <= t.toMonth);
  if (!term) throw new RangeError(`No school term holds month ${month}`);
  return {
    id: `${year}-${term.id}`,
    title: `${term.title} ${year}`,
    start: `${year}-${pad(term.fromMonth)}-01`,
    end: `${year}-${pad(term.toMonth)}-${pad(lastDayOf(year, term.toMonth))}`,
  };
};

const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Every term from the one holding `from` to the one holding `to`, oldest first. */
export const termsBetween = (terms: readonly SchoolTerm[], from: string, to: string): TermPeriod[] => {
  const periods: TermPeriod[] = [];
  if (from > to) return periods;
  let term = termOf(terms, from);
  for (;;) {
    periods.push(term);
    if (term.end >= to) return periods;
    term = termOf(terms, dayAfter(term.end));
  }
};
