import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../../contracts/errors.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import type { AuthorizeDeps } from '../../../usecases/authorize.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { requireUser } from '../../auth/guards.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';

/** What a page's use-case calls need from the context and the request. */
export const pageDeps = (context: AppContext, request: FastifyRequest): AuthorizeDeps & { clock: () => Date } => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  requestId: request.id,
  clock: context.clock,
});

/**
 * A signed-in page: visitors are sent to sign in; a refusal becomes the GOV.UK "no permission" page and
 * an unknown record the "Page not found" page, rather than JSON.
 */
export const signedInPage =
  (handler: (request: FastifyRequest, reply: FastifyReply, actor: Actor) => Promise<unknown>) =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = requireUser(request, reply);
    if (!actor) return reply;
    try {
      return await handler(request, reply, actor);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'forbidden') return renderPage(request, reply, '../people/forbidden', {}, 403);
      if (error.code === 'not_found') return renderNotFound(request, reply);
      throw error;
    }
  };
