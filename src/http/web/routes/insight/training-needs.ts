import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CohortQuery, TrainingNeedsQuery as TrainingNeedsPageQuery } from '../../../../contracts/api/insight-training-needs.ts';
import { cohortToPlan, planCohortOf } from '../../../../usecases/insight/cohorts.ts';
import type { TrainingNeedsQuery } from '../../../../usecases/insight/training-needs.ts';
import { exportTrainingNeeds } from '../../../../usecases/insight/training-needs-export.ts';
import { trainingNeedsPage } from '../../../../usecases/insight/training-needs-page.ts';
import { paramsOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';
import { trainingNeedsView } from './training-needs-view.ts';

const cohortQueryOf = (raw: unknown) => {
  const parsed = CohortQuery.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { target: 'next', need: '', school: '' };
};
const ExportParams = z.object({ format: z.enum(['csv', 'xlsx']) });

type PageQuery = z.output<typeof TrainingNeedsPageQuery>;
const analysisQuery = (q: PageQuery): TrainingNeedsQuery => ({
  target: q.target,
  ...(q.scope ? { scope: q.scope } : {}),
  ...(q.minCluster ? { minCluster: q.minCluster } : {}),
  ...(q.people ? { people: q.people } : {}),
});

/** The query string that reopens the same analysis. */
export const analysisSearch = (q: PageQuery) =>
  new URLSearchParams({
    ...(q.scope ? { scope: q.scope } : {}),
    target: q.target,
    ...(q.minCluster ? { minCluster: String(q.minCluster) } : {}),
    ...(q.people ? { people: q.people.join(',') } : {}),
  }).toString();

const forbiddenView = '../insight/training-needs-forbidden';

/** The training-needs analysis: the ranked needs with provision and cohorts, the exports, and planning a cohort. */
export const registerTrainingNeedsPages = (app: FastifyInstance) => {
  app.get(
    '/insight/training-needs',
    signedInPage(
      async ({ request, reply, actor, deps }) => {
        const { query, invalid } = queryOf(TrainingNeedsPageQuery, request);
        const page = await trainingNeedsPage(deps, actor, analysisQuery(query));
        return renderPage(request, reply, '../insight/training-needs', { ...trainingNeedsView(page, query, deps.catalogue), invalid });
      },
      { forbiddenView },
    ),
  );

  app.get(
    '/insight/training-needs/export.:format',
    signedInPage(
      async ({ request, reply, actor, deps }) => {
        const { format } = paramsOf(ExportParams, request);
        const { query } = queryOf(TrainingNeedsPageQuery, request);
        const file = await exportTrainingNeeds(deps, actor, analysisQuery(query), format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      },
      { forbiddenView },
    ),
  );

  app.get(
    '/insight/training-needs/plan',
    signedInPage(
      async ({ request, reply, actor, deps }) => {
        // A query that does not read still goes to the use-case: it refuses, or answers "not found" as for any unknown cohort.
        const q = cohortQueryOf(request.query);
        const cohort = await cohortToPlan(deps, actor, { ...analysisQuery(q), need: q.need, school: q.school });
        return renderPage(request, reply, '../insight/training-needs-plan', {
          cohort,
          query: q,
          back: `/insight/training-needs?${analysisSearch(q)}`,
          toPlan: cohort.members.filter((m) => !m.alreadyPlanned).length,
        });
      },
      { forbiddenView },
    ),
  );

  app.post(
    '/insight/training-needs/plan',
    signedInPage(
      async ({ request, reply, actor, deps }) => {
        const q = cohortQueryOf(request.body);
        const planned = await planCohortOf(deps, actor, { ...analysisQuery(q), need: q.need, school: q.school });
        const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
        const already = planned.alreadyPlanned.length > 0 ? ` (${people(planned.alreadyPlanned.length)} had it in their plan already)` : '';
        return reply.redirectWithFlash(
          `/insight/training-needs?${analysisSearch(q)}`,
          `“${planned.activity.title}” added to the plan of ${people(planned.planned.length)}${already}`,
        );
      },
      { forbiddenView },
    ),
  );
};
