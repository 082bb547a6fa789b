import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type Anonymous, anonymous } from '../../domain/policy/actor.ts';
import type { SessionRecord } from '../../store/sessions.ts';
import { resolveSession, sessionLifetime } from '../../usecases/auth/sessions.ts';
import type { AppContext } from '../../usecases/context.ts';

export const SESSION_COOKIE = 'pathways_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: the signed-in user, or anonymous. Set from the session cookie on every request. */
    actor: Actor | Anonymous;
    /** The session behind the cookie, when there is one. */
    session: SessionRecord | null;
  }
}

/** Cookie options: HttpOnly, SameSite=Lax, Secure behind HTTPS (always in production). */
export const sessionCookieOptions = (request: FastifyRequest, context: AppContext) =>
  ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: context.config.production || request.protocol === 'https',
    maxAge: sessionLifetime.absoluteHours * 3600,
  }) as const;

export const setSessionCookie = (reply: FastifyReply, request: FastifyRequest, context: AppContext, token: string) =>
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, context));

export const clearSessionCookie = (reply: FastifyReply, request: FastifyRequest, context: AppContext) =>
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, context));

/** Resolves the session cookie into `request.actor` before any route runs; a dead session is simply anonymous. */
export const setUpSessions = async (app: FastifyInstance, context: AppContext) => {
  await app.register(cookie);
  app.decorateRequest('actor');
  app.decorateRequest('session');
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    request.session = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(context.database.kysely, token, context.clock());
    if (!resolved) return;
    request.session = resolved.session;
    // Until the second factor is given the session counts for nothing but the MFA pages (guards.ts).
    if (resolved.session.mfaVerified) request.actor = resolved.actor;
  });
  // Anything sent within a session may carry personal data: never stored by browsers or proxies.
  // Static assets and responses to visitors without a session (the public framework) stay cacheable.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.session && !request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    return payload;
  });
};
