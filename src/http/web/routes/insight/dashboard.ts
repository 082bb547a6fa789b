import type { FastifyInstance } from 'fastify';
import { workforceDashboard } from '../../../../usecases/insight/dashboard.ts';
import { dashboardPeople, exportDashboardPeople } from '../../../../usecases/insight/dashboard-people.ts';
import { renderPage, signedInPage } from '../../kit/index.ts';
import { paginationOf } from '../people-pagination.ts';
import { registerInsightDashboardExports } from './dashboard-export.ts';
import { PeopleParams, parseQuery, ScopeParams } from './dashboard-params.ts';

export { ScopeParams } from './dashboard-params.ts';

/**
 * The workforce dashboard (/insight) with its tables as CSV and XLSX, and the people behind each
 * figure (/insight/people, with CSV and XLSX).
 */
export const registerInsightDashboardPages = (app: FastifyInstance) => {
  registerInsightDashboardExports(app);
  app.get(
    '/insight',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const view = await workforceDashboard(deps, actor, parseQuery(ScopeParams, request));
      return renderPage(request, reply, '../insight/dashboard', { ...view });
    }),
  );

  app.get(
    '/insight/people',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const query = parseQuery(PeopleParams, request);
      const list = await dashboardPeople(deps, actor, query);
      const pageHref = (n: number) => `${list.listHref}${list.listHref.includes('?') ? '&' : '?'}page=${n}`;
      return renderPage(request, reply, '../insight/people', { ...list, ...paginationOf(list.total, list.page, list.pageSize, pageHref) });
    }),
  );

  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/insight/people.${format}`,
      signedInPage(async ({ request, reply, actor, deps }) => {
        const file = await exportDashboardPeople(deps, actor, parseQuery(PeopleParams, request), format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.bytes));
      }),
    );
};
