import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { OffTheJobDecisionInput, OffTheJobEntryInput, OffTheJobSummary } from '../../contracts/apprenticeships/off-the-job.ts';
import { apprenticeshipDeps } from '../../usecases/apprenticeships/deps.ts';
import { decideOffTheJobEntry, logOffTheJob, offTheJobSummary } from '../../usecases/apprenticeships/off-the-job.ts';
import type { AppContext } from '../../usecases/context.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
const EnrolmentParams = z.object({ id: z.uuid() });
const EntryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

/** An enrolment's off-the-job training: its status against the plan, logging time, the provider's decision. */
export const registerOffTheJobRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => apprenticeshipDeps(context, requestId);

  api.get(
    '/enrolments/:id/off-the-job',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'The off-the-job rule applied and why, the minimum, the approved hours against the plan, and OTJActHours',
        params: EnrolmentParams,
        response: { 200: OffTheJobSummary, ...errors },
      },
    },
    async (request) => offTheJobSummary(deps(request.id), request.actor, request.params.id),
  );

  api.post(
    '/enrolments/:id/off-the-job/entries',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'Log off-the-job training (the apprentice, or the provider); it counts once the provider approves it',
        params: EnrolmentParams,
        body: OffTheJobEntryInput,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await logOffTheJob(deps(request.id), request.actor, request.params.id, request.body) }),
  );

  api.post(
    '/enrolments/:id/off-the-job/entries/:entryId/decision',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'The provider’s assessor approves an entry’s hours, or returns it with feedback',
        params: EntryParams,
        body: OffTheJobDecisionInput,
        response: { 200: z.object({ status: z.enum(['approved', 'returned']) }), ...errors },
      },
    },
    async (request) => ({
      status: await decideOffTheJobEntry(deps(request.id), request.actor, request.params.id, request.params.entryId, request.body),
    }),
  );
};
