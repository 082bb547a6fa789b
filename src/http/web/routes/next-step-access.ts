import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../../contracts/errors.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { type ProgressionDeps, progressionDeps } from '../../../usecases/progression/deps.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';

/** Whose progression a page shows: the signed-in person (`/me/...`) or one of their reports (`/people/:id/...`). */
export type Subject = { personId: string; self: boolean; base: string };

const signInRedirect = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);

/**
 * Runs a signed-in progression page: anonymous visitors are sent to sign in, a user with no staff
 * record is told so, and the use-case's refusals become GOV.UK error pages (the use-case authorizes).
 */
export const personPage = async (
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: string | 'me',
  render: (deps: ProgressionDeps, subject: Subject) => Promise<unknown>,
) => {
  const actor = request.actor;
  if (actor.kind !== 'user') return signInRedirect(request, reply);
  const self = personId === 'me' || personId === actor.personId;
  const id = personId === 'me' ? actor.personId : personId;
  if (!id) return renderPage(request, reply, '../progression/no-person', {}, 404);
  const base = personId === 'me' ? '/me' : `/people/${encodeURIComponent(id)}`;
  try {
    return await render(progressionDeps(context, request.id), { personId: id, self, base });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'unauthenticated') return signInRedirect(request, reply);
    if (error.code === 'forbidden') return renderPage(request, reply, '../progression/forbidden', {}, 403);
    if (error.code === 'not_found') return renderNotFound(request, reply);
    throw error;
  }
};
