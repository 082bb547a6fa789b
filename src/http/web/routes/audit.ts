import type { FastifyInstance } from 'fastify';
import { auditHistory } from '../../../usecases/audit-log/audit-history.ts';
import { exportAuditCsv } from '../../../usecases/audit-log/audit-log.ts';
import { AuditQuery, auditFiltersOf, auditPageSize } from '../../api/audit.ts';
import { queryOf, renderPage, signedInPage } from '../kit/index.ts';
import { paginationOf } from './people-pagination.ts';

/** The audit log page with filters and the CSV export. */
export const registerAuditPages = (app: FastifyInstance) => {
  app.get(
    '/audit',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { query, invalid } = queryOf(AuditQuery, request);
      const result = await auditHistory(deps, actor, auditFiltersOf(query), { page: query.page, pageSize: auditPageSize });
      const search = (page?: number) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries({ ...query, page })) if (value) params.set(key, String(value));
        return params.toString();
      };
      const choose = (options: { value: string; text: string }[], selected: string | undefined, all: string) => [
        { value: '', text: all },
        ...options.map((o) => ({ ...o, selected: o.value === selected })),
      ];
      return renderPage(request, reply, '../audit/list', {
        query,
        invalid,
        entries: result.entries,
        people: choose(result.choices.people, query.actor, 'Anyone'),
        actions: choose(result.choices.actions, query.action, 'Any action'),
        total: result.total,
        exportHref: `/audit/export.csv?${search()}`,
        ...paginationOf(result.total, query.page, auditPageSize, (n) => `/audit?${search(n)}`),
      });
    }),
  );

  app.get(
    '/audit/export.csv',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const csv = await exportAuditCsv(deps, actor, auditFiltersOf(queryOf(AuditQuery, request).query));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="pathways-audit.csv"').send(csv);
    }),
  );
};
