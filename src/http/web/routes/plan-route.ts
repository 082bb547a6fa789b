import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TrainingPhase } from '../../../framework/schema.ts';
import { planRoutePage } from '../../../usecases/progression/plan-route-page.ts';
import { noErrors, parseForm, renderPage } from '../kit/index.ts';
import { exploreChoices } from './explore-form.ts';
import { type ProgressionPage, progressionPage } from './next-step-access.ts';

const text = (message: string) => z.string().trim().max(100, message).optional();

/** The goal picker's query, checked against the choices the picker offers. */
const routeQuery = (choices: ReturnType<typeof exploreChoices>) =>
  z.object({
    goal: text('Select a goal from the list').refine((g) => !g || choices.goals.some((c) => c.value === g), 'Select a goal from the list'),
    option: text('Select an option from the list').refine(
      (o) => !o || choices.options.some((c) => c.value === o),
      'Select an option from the list',
    ),
    trainingPhase: z
      .string()
      .trim()
      .max(20, 'Select primary or secondary')
      .optional()
      .refine((p) => !p || TrainingPhase.safeParse(p).success, 'Select primary or secondary')
      .transform((p) => TrainingPhase.safeParse(p).data),
    // The hours a week the person can study: lengths become part-time (or derived from learning hours), as the explorer does.
    hours: z
      .string()
      .trim()
      .max(10, 'Enter study hours per week as a number from 1 to 80')
      .optional()
      .refine(
        (h) => !h || (Number.isFinite(Number(h)) && Number(h) > 0 && Number(h) <= 80),
        'Enter study hours per week as a number from 1 to 80',
      )
      .transform((h) => (h ? Number(h) : undefined)),
  });

/** "Plan my route": a goal picker, and each route to the goal in the step-by-step pattern. */
export const registerPlanRouteRoutes = (app: FastifyInstance) => {
  const show = async ({ request, reply, actor, deps, subject }: ProgressionPage) => {
    const choices = exploreChoices(deps.catalogue);
    const query = parseForm(routeQuery(choices), request.query);
    const asked: Partial<z.output<ReturnType<typeof routeQuery>>> = query.ok ? query.values : {};
    // A refused query shows the picker again, with the problems, and no route.
    const goal = asked.goal ? { ...asked, goal: asked.goal } : undefined;
    const page = await planRoutePage(deps, actor, subject.personId, goal);
    const shown = {
      subject,
      goals: choices.goals,
      options: choices.options,
      goal: goal?.goal,
      option: asked.option || undefined,
      trainingPhase: asked.trainingPhase,
      hours: asked.hours,
    };
    const errors = query.ok ? noErrors() : query.errors;
    return renderPage(request, reply, '../progression/plan-route', { ...shown, ...page, ...errors }, query.ok ? 200 : 400);
  };
  app.get('/me/route', progressionPage('me', show));
  app.get('/people/:id/route', progressionPage('param', show));
};
