import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readCoverage } from '../../../../usecases/apprenticeships/coverage.ts';
import { paramsOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';

const EnrolmentParams = z.object({ id: z.uuid() });
const CoverageQuery = z.object({
  duty: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** The KSB coverage page of an enrolment: a heat map of the KSBs in scope, its table, and the duty filter. */
export const registerCoveragePages = (app: FastifyInstance) => {
  app.get(
    '/enrolments/:id/coverage',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(EnrolmentParams, request);
      const { query } = queryOf(CoverageQuery, request);
      const page = await readCoverage(deps, actor, id, query.duty ? { duty: query.duty } : {});
      return renderPage(request, reply, '../apprenticeships/coverage', { ...page, chosenDuty: query.duty ?? '' });
    }),
  );
};
