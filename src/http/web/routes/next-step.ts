import type { FastifyInstance } from 'fastify';
import { nextStepForPerson } from '../../../usecases/progression/person-progression.ts';
import { renderPage } from '../kit/index.ts';
import { type ProgressionPage, progressionPage } from './next-step-access.ts';

/** "My next step": the gap to the role(s) that follow the person's graded role, as a checklist with actions. */
export const registerNextStepRoutes = (app: FastifyInstance) => {
  const show = async ({ request, reply, actor, deps, subject }: ProgressionPage) =>
    renderPage(request, reply, '../progression/next-step', { ...(await nextStepForPerson(deps, actor, subject.personId)), subject });
  app.get('/me/next-step', progressionPage('me', show));
  app.get('/people/:id/next-step', progressionPage('param', show));
};
