import type { FastifyInstance } from 'fastify';
import { gap } from '../../../domain/gap.ts';
import { route } from '../../../domain/route.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { renderPage } from '../views.ts';
import { ExploreQuery, exploreChoices, type FieldError, stateFromForm } from './explore-form.ts';

const known = (id: string | undefined, choices: { value: string }[]) => (id && choices.some((c) => c.value === id) ? id : undefined);

/** "Explore a career": the public form that runs gap analysis and route planning on a described state, without an account. */
export const registerExploreRoutes = (app: FastifyInstance, context: AppContext) => {
  app.get('/explore', (request, reply) => {
    const catalogue = context.catalogue.current();
    const choices = exploreChoices(catalogue);
    const parsed = ExploreQuery.safeParse(request.query ?? {});
    const form = parsed.success ? parsed.data : ExploreQuery.parse({});
    const defaults = {
      ...form,
      target: form.target ?? 'TA3',
      goal: form.goal ?? 'HLTA_STATUS',
      phase: form.phase ?? '',
      nation: form.nation ?? '',
    };
    const run = typeof (request.query as Record<string, unknown> | undefined)?.run === 'string';
    if (!run) return renderPage(request, reply, '../progression/explore', { choices, form: defaults, errors: [], fieldErrors: {} });
    const errors: FieldError[] = parsed.success ? [] : [{ field: 'role', text: 'The form could not be read; check each answer' }];
    const target = known(form.target, choices.targets);
    const goal = known(form.goal, choices.goals);
    if (!target) errors.push({ field: 'target', text: 'Select what you want to know the gap for' });
    if (!goal) errors.push({ field: 'goal', text: 'Select a goal for your routes' });
    const described = stateFromForm(form, catalogue);
    if (!described.ok) errors.push(...described.errors);
    if (errors.length > 0 || !described.ok || !target || !goal) {
      const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.text]));
      return renderPage(request, reply, '../progression/explore', { choices, form: defaults, errors, fieldErrors }, 400);
    }
    return renderPage(request, reply, '../progression/explore', {
      choices,
      form: defaults,
      errors: [],
      fieldErrors: {},
      gap: gap(described.state, target, catalogue),
      plan: route(described.state, goal, catalogue),
    });
  });
};
