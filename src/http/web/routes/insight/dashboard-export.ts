import type { FastifyInstance } from 'fastify';
import { exportDashboardTables } from '../../../../usecases/insight/dashboard-export.ts';
import { signedInPage } from '../../kit/index.ts';
import { parseQuery, ScopeParams } from './dashboard-params.ts';

/** The workforce dashboard's own tables as a spreadsheet (/insight/export.csv and .xlsx), in the dashboard's scope. */
export const registerInsightDashboardExports = (app: FastifyInstance) => {
  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/insight/export.${format}`,
      signedInPage(async ({ request, reply, actor, deps }) => {
        const file = await exportDashboardTables(deps, actor, parseQuery(ScopeParams, request), format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.bytes));
      }),
    );
};
