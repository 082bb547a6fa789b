import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { workforceDashboard } from './dashboard.ts';
import type { DashboardDeps, ScopeQuery } from './dashboard-scope.ts';
import type { Cell } from './dashboard-section.ts';
import { type SheetRow, type SpreadsheetFile, writeSpreadsheet } from './dashboard-spreadsheet.ts';

/**
 * The workforce dashboard's own tables as one spreadsheet: the figures at a glance, then every
 * section's table under a heading row, in the dashboard's scope (a school admin's file holds their
 * school only), written by the dashboard's spreadsheet writer (formulas neutralised).
 */

const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A count or FTE as a number for the spreadsheet ("1,234" → 1234); anything else (a share, "not recorded") as its words. */
const spreadsheetValueOf = (cell: Cell): string | number => {
  const plain = cell.text.replaceAll(',', '');
  return cell.numeric && /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : cell.text;
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'workforce';

/** Every table of the dashboard the caller may open, as CSV or XLSX. */
export const exportDashboardTables = async (
  deps: DashboardDeps,
  actor: Actor | Anonymous,
  query: ScopeQuery,
  format: 'csv' | 'xlsx',
): Promise<SpreadsheetFile> => {
  const view = await workforceDashboard(deps, actor, query);
  const rows: SheetRow[] = [
    { cells: [`Workforce: ${view.scope.name}`], kind: 'title' },
    { cells: [`Support staff in post on ${longDate(view.today)}`] },
    { cells: [] },
    { cells: ['At a glance'], kind: 'heading' },
    { cells: ['Measure', 'Figure'], kind: 'header' },
    ...view.headline.map((h) => ({ cells: [h.label, spreadsheetValueOf({ text: h.value, numeric: true })] })),
  ];
  for (const s of view.sections)
    rows.push(
      { cells: [] },
      { cells: [s.title], kind: 'heading' },
      { cells: [s.table.caption] },
      { cells: [s.summary] },
      { cells: s.table.head, kind: 'header' },
      ...s.table.rows.map((row) => ({ cells: row.map(spreadsheetValueOf) })),
    );
  return writeSpreadsheet(format, { baseName: `${slug(view.scope.name)}-workforce-dashboard-${view.today}`, sheetName: 'Dashboard' }, rows);
};
