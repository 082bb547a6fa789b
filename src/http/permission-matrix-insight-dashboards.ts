import type { Row } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for the workforce dashboards and reports (see permission-matrix.test.ts
 * for the legend). No path names a record: each opens on the caller's own scope (a trust admin's
 * trust, a school admin's school, a coordinator's partnership), so the other side asks the same.
 */
export const insightDashboardRows: Row[] = [
  ['GET /insight', 'T S P', 'T S P'],
  ['GET /insight/people', 'T S P', 'T S P'],
  ['GET /insight/people.csv', 'T S P', 'T S P'],
  ['GET /insight/people.xlsx', 'T S P', 'T S P'],
  // The dashboard's own tables (counts only), for whoever may open the dashboard.
  ['GET /insight/export.csv', 'T S P', 'T S P'],
  ['GET /insight/export.xlsx', 'T S P', 'T S P'],
  // A report is for a school or a trust: a coordinator's partnership has its impact report instead.
  ['GET /insight/report.pdf', 'T S', 'T S'],
];
