import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readPartnershipTeachingRules } from '../../../../framework/partnership-teaching-rules.ts';
import { kindsOf, type PartnershipDeps } from '../../../../usecases/partnerships/deps.ts';

/** The page's deps for partnership use-cases: the kit's, with the kinds of the request's catalogue and the rules. */
export const partnershipDepsOf = async (request: FastifyRequest): Promise<PartnershipDeps> => ({
  ...request.deps,
  kinds: kindsOf(request.deps.catalogue),
  rules: await readPartnershipTeachingRules(),
});

export const PartnershipParams = z.object({ id: z.uuid() });
export const DeploymentParams = z.object({ id: z.uuid(), deploymentId: z.uuid() });
export const PeriodQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});
/** The period as typed: an empty box leaves that end open. */
export const periodOf = (query: { from?: string | undefined; to?: string | undefined }) => ({
  ...(query.from ? { from: query.from } : {}),
  ...(query.to ? { to: query.to } : {}),
});
