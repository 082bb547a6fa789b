import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, isAppError } from '../../../contracts/errors.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import { requireUser } from '../../auth/guards.ts';
import { renderNotFound } from '../errors.ts';
import { renderPage } from '../views.ts';
import type { PageDeps } from './deps.ts';

/** What a signed-in page's handler gets: the request and reply, who is signed in, and the use-case deps. */
export type SignedIn = { request: FastifyRequest; reply: FastifyReply; actor: Actor; deps: PageDeps };

export type SignedInOptions = {
  /** The "no permission" page of this area (default: the directory's). */
  forbiddenView?: string;
};

const signInAgain = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);

/**
 * The one signed-in page wrapper. Visitors are sent to sign in (or to their second factor); a use-case's
 * `forbidden` becomes the area's GOV.UK "no permission" page, `not_found` (another trust's id, or a bad
 * one) "Page not found", `unauthenticated` a fresh sign-in. Anything else goes to the web error handler.
 */
export const signedInPage =
  (handler: (page: SignedIn) => unknown, options: SignedInOptions = {}) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const actor = requireUser(request, reply);
    if (!actor) return reply;
    try {
      return await handler({ request, reply, actor, deps: request.deps });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'forbidden') return renderPage(request, reply, options.forbiddenView ?? '../people/forbidden', {}, 403);
      if (error.code === 'not_found') return renderNotFound(request, reply);
      if (error.code === 'unauthenticated') return signInAgain(request, reply);
      throw error;
    }
  };

/** A route's path parameters, or `not_found` (so a malformed id answers exactly as an unknown one). */
export const paramsOf = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> => {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw new AppError('not_found', 'No such page');
  return parsed.data;
};

/** A page's query string read with its schema, or the schema's defaults when it does not read (`invalid` says so). */
export const queryOf = <S extends z.ZodType>(schema: S, request: FastifyRequest): { query: z.output<S>; invalid: boolean } => {
  const parsed = schema.safeParse(request.query ?? {});
  return parsed.success ? { query: parsed.data, invalid: false } : { query: schema.parse({}), invalid: true };
};
