import type { DashboardFilter } from '../../domain/insight/dashboard-filter.ts';
import { type Bar, barChart } from './dashboard-charts.ts';
import type { ResolvedScope } from './dashboard-scope.ts';

/** A table cell: its text, and the list of people behind it when it is a count. */
export type Cell = { text: string; href?: string; numeric?: boolean };

/** One chart of the dashboard with its numbers as a table and a sentence that says what it shows. */
export type DashboardSection = {
  id: string;
  title: string;
  summary: string;
  svg: string;
  /** The chart's bars, for reports that draw it again (the PDF embeds the same SVG). */
  bars: Bar[];
  table: { caption: string; head: string[]; rows: Cell[][] };
};

export const count = (n: number) => n.toLocaleString('en-GB');
export const share = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part * 100) / whole)}%`);

/** The link to the people behind a figure, in this scope. */
export const peopleHref = (scope: Pick<ResolvedScope, 'params'>, filter: DashboardFilter): string => {
  const query = new URLSearchParams(scope.params);
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return text ? `/insight/people?${text}` : '/insight/people';
};

/** A section with its chart drawn. */
export const section = async (
  id: string,
  title: string,
  summary: string,
  bars: Bar[],
  unit: string,
  table: { caption: string; head: string[]; rows: Cell[][] },
): Promise<DashboardSection> => ({ id, title, summary, bars, svg: await barChart(title, bars, unit), table });

/** The bar with the most people, in words ("TA3 (52)"), for a summary sentence. */
export const largest = (bars: readonly Bar[]) => {
  const top = [...bars].sort((a, b) => b.value - a.value)[0];
  return top && top.value > 0 ? `${top.label} (${count(top.value)})` : 'none';
};

/** The verb that agrees with a count: "1 performs", "2 perform". */
export const agree = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** A count that links to its people. */
export const countCell = (n: number, href: string): Cell => ({ text: count(n), href, numeric: true });
