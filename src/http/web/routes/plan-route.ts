import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TrainingPhase } from '../../../framework/schema.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { routeForPerson } from '../../../usecases/progression/person-progression.ts';
import { storedPersonState } from '../../../usecases/progression/stored-person.ts';
import { renderPage } from '../views.ts';
import { exploreChoices } from './explore-form.ts';
import { personPage } from './next-step-access.ts';

const Params = z.object({ id: z.string().min(1).max(100) });
const Query = z.object({
  goal: z.string().trim().max(100).optional(),
  option: z.string().trim().max(100).optional(),
  trainingPhase: z.string().trim().max(20).optional(),
});

/** "Plan my route": a goal picker, and each route to the goal in the step-by-step pattern. */
export const registerPlanRouteRoutes = (app: FastifyInstance, context: AppContext) => {
  const page = (id: string | 'me', request: FastifyRequest, reply: FastifyReply) =>
    personPage(context, request, reply, id, async (deps, subject) => {
      const choices = exploreChoices(deps.catalogue);
      const query = Query.safeParse(request.query ?? {});
      const goal = query.success ? query.data.goal : undefined;
      const option = query.success && query.data.option ? query.data.option : undefined;
      const phaseAsked = query.success && query.data.trainingPhase ? query.data.trainingPhase : undefined;
      const phase = TrainingPhase.safeParse(phaseAsked);
      const trainingPhase = phase.success ? phase.data : undefined;
      const base = { subject, goals: choices.goals, options: choices.options, goal, option, trainingPhase };
      if (!goal) {
        const described = await storedPersonState(deps, request.actor, subject.personId);
        return renderPage(request, reply, '../progression/plan-route', { ...base, person: described.person, basis: described.basis });
      }
      const validGoal = choices.goals.some((g) => g.value === goal);
      const validOption = !option || choices.options.some((o) => o.value === option);
      const validPhase = !phaseAsked || trainingPhase !== undefined;
      if (!validGoal || !validOption || !validPhase) {
        const described = await storedPersonState(deps, request.actor, subject.personId);
        const errors = [
          ...(validGoal ? [] : [{ field: 'goal', text: 'Select a goal from the list' }]),
          ...(validOption ? [] : [{ field: 'option', text: 'Select an option from the list' }]),
          ...(validPhase ? [] : [{ field: 'trainingPhase', text: 'Select primary or secondary' }]),
        ];
        return renderPage(
          request,
          reply,
          '../progression/plan-route',
          {
            ...base,
            person: described.person,
            basis: described.basis,
            errors,
            fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
          },
          400,
        );
      }
      const result = await routeForPerson(deps, request.actor, subject.personId, goal, {
        ...(option ? { option } : {}),
        ...(trainingPhase ? { trainingPhase } : {}),
      });
      return renderPage(request, reply, '../progression/plan-route', { ...base, ...result });
    });
  app.get('/me/route', (request, reply) => page('me', request, reply));
  app.get('/people/:id/route', (request, reply) => page(Params.parse(request.params).id, request, reply));
};
