import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../../contracts/errors.ts';
import { detailsFromZod } from '../../../../contracts/zod-issues.ts';
import { enrolmentStatuses } from '../../../../domain/apprenticeships/enrolment.ts';
import { evidenceFigures, trainingFigures } from '../../../../domain/insight/dashboard-filter.ts';
import { workforceDashboard } from '../../../../usecases/insight/dashboard.ts';
import { dashboardPeople, exportDashboardPeople } from '../../../../usecases/insight/dashboard-people.ts';
import { renderPage, signedInPage } from '../../kit/index.ts';
import { paginationOf } from '../people-pagination.ts';

const id = z.string().trim().min(1).max(64);

/** Which dashboard: a school of the caller's trust, or a partnership; the caller's own when both are left out. */
export const ScopeParams = z.object({ school: id.optional(), partnership: id.optional() });

/** The people behind a figure: the dashboard's scope and one figure's filter (src/domain/insight/dashboard-filter.ts). */
export const PeopleParams = ScopeParams.extend({
  role: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$|^none$/, 'give a graded role such as TA3, or none')
    .optional(),
  phase: z.string().trim().min(1).max(40).optional(),
  hlta: z.enum(['yes', 'no']).optional(),
  qualification: z.union([z.literal('none'), z.coerce.number().int('give a whole level from 0 to 8').min(0).max(8)]).optional(),
  englishMaths: z.enum(['yes', 'no']).optional(),
  apprenticeship: z.enum([...enrolmentStatuses, 'live']).optional(),
  evidence: z.enum(evidenceFigures).optional(),
  training: z.enum(trainingFigures).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** A query that does not read is refused with what was wrong with it, never silently widened to everyone. */
const parseQuery = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> => {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new AppError('validation', 'This link to a list of staff is not valid', detailsFromZod(parsed.error, 'query'));
  return parsed.data;
};

/** The workforce dashboard (/insight) and the people behind each figure (/insight/people, with CSV and XLSX). */
export const registerInsightDashboardPages = (app: FastifyInstance) => {
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
