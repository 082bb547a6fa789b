import type { FastifyInstance } from 'fastify';
import { exploreCareer } from '../../../usecases/progression/explore-career.ts';
import { formErrorsOf, noErrors, queryOf, renderPage } from '../kit/index.ts';
import { ExploreQuery, exploreChoices, type FieldError, stateFromForm } from './explore-form.ts';

const known = (id: string | undefined, choices: { value: string }[]) => (id && choices.some((c) => c.value === id) ? id : undefined);

/** "Explore a career": the public form that runs gap analysis and route planning on a described state, without an account. */
export const registerExploreRoutes = (app: FastifyInstance) => {
  app.get('/explore', (request, reply) => {
    const { catalogue } = request.deps;
    const choices = exploreChoices(catalogue);
    const { query: form, invalid } = queryOf(ExploreQuery, request);
    const defaults = {
      ...form,
      target: form.target ?? 'TA3',
      goal: form.goal ?? 'HLTA_STATUS',
      phase: form.phase ?? '',
      nation: form.nation ?? '',
    };
    const run = typeof (request.query as Record<string, unknown> | undefined)?.run === 'string';
    if (!run) return renderPage(request, reply, '../progression/explore', { choices, form: defaults, ...noErrors() });
    const problems: FieldError[] = invalid ? [{ field: 'role', text: 'The form could not be read; check each answer' }] : [];
    const target = known(form.target, choices.targets);
    const goal = known(form.goal, choices.goals);
    if (!target) problems.push({ field: 'target', text: 'Select what you want to know the gap for' });
    if (!goal) problems.push({ field: 'goal', text: 'Select a goal for your routes' });
    const described = stateFromForm(form, catalogue);
    if (!described.ok) problems.push(...described.errors);
    if (problems.length > 0 || !described.ok || !target || !goal)
      return renderPage(request, reply, '../progression/explore', { choices, form: defaults, ...formErrorsOf(problems) }, 400);
    return renderPage(request, reply, '../progression/explore', {
      choices,
      form: defaults,
      ...noErrors(),
      ...exploreCareer(request.deps, described.state, { target, goal }),
    });
  });
};
