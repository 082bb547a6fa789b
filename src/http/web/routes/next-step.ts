import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../usecases/context.ts';
import { nextStepForPerson } from '../../../usecases/progression/person-progression.ts';
import { renderPage } from '../views.ts';
import { personPage } from './next-step-access.ts';

const Params = z.object({ id: z.string().min(1).max(100) });

/** "My next step": the gap to the role(s) that follow the person's graded role, as a checklist with actions. */
export const registerNextStepRoutes = (app: FastifyInstance, context: AppContext) => {
  const page = (id: string | 'me', request: FastifyRequest, reply: FastifyReply) =>
    personPage(context, request, reply, id, async (deps, subject) => {
      const result = await nextStepForPerson(deps, request.actor, subject.personId);
      return renderPage(request, reply, '../progression/next-step', { ...result, subject });
    });
  app.get('/me/next-step', (request, reply) => page('me', request, reply));
  app.get('/people/:id/next-step', (request, reply) => page(Params.parse(request.params).id, request, reply));
};
