import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../../contracts/errors.ts';
import { detailsFromZod } from '../../../../contracts/zod-issues.ts';
import { enrolmentStatuses } from '../../../../domain/apprenticeships/enrolment.ts';
import { evidenceFigures, gatewayFigures, roleFitFigures, trainingFigures } from '../../../../domain/insight/dashboard-filter.ts';
import { pipelineBands } from '../../../../domain/insight/dashboard-pipeline.ts';

/** The query parameters of the workforce dashboard's pages and exports. */

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
  roleFit: z.enum(roleFitFigures).optional(),
  progression: z.enum(pipelineBands).optional(),
  gateway: z.enum(gatewayFigures).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** A query that does not read is refused with what was wrong with it, never silently widened to everyone. */
export const parseQuery = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> => {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new AppError('validation', 'This link to a list of staff is not valid', detailsFromZod(parsed.error, 'query'));
  return parsed.data;
};
