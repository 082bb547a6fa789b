import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import type { SessionRecord } from '../../store/sessions.ts';

/** The MFA page a half-signed-in session is sent to. */
export const MFA_PATH = '/sign-in/mfa';

/** Where sign-in lands when no page asked to come back to: the signed-in home (the public home stays at "/"). */
export const SIGNED_IN_HOME = '/home';

/** After sign-in: the page asked for, or the signed-in home instead of the public one. */
export const landingOf = (next: string): string => (next === '/' ? SIGNED_IN_HOME : next);

const isControlCharacter = (character: string) => {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/**
 * A `next` address is followed only when it is a path on this site: it starts with one `/`, is not
 * protocol-relative (`//host`, `/\\host`) and holds no control characters. Anything else goes home.
 */
export const safeNext = (next: unknown, fallback = '/'): string => {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || [...next].some(isControlCharacter)) return fallback;
  return next;
};

const withNext = (path: string, next: string) => (next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`);

/**
 * For pages: the signed-in user, or a redirect (already sent) to the sign-in page that comes back
 * here — or to the MFA page when the password is done but the second factor is not.
 */
export const requireUser = (request: FastifyRequest, reply: FastifyReply): Actor | undefined => {
  if (request.actor.kind === 'user') return request.actor;
  const here = safeNext(request.url);
  void reply.redirect(withNext(request.session && !request.session.mfaVerified ? MFA_PATH : '/sign-in', here), 303);
  return undefined;
};

/** For the API: the signed-in user, or `unauthenticated` (401). */
export const requireApiUser = (request: FastifyRequest): Actor => {
  if (request.actor.kind === 'user') return request.actor;
  throw new AppError('unauthenticated', 'Sign in to continue');
};

/** For the MFA pages: a live session whose second factor is still to come (else a redirect, already sent). */
export const requirePendingSession = (request: FastifyRequest, reply: FastifyReply): SessionRecord | undefined => {
  if (request.session && !request.session.mfaVerified) return request.session;
  const next = nextOf(request);
  void reply.redirect(request.session ? next : withNext('/sign-in', next), 303);
  return undefined;
};

/** The path a page asked to return to (`?next=`), if it is a safe one. */
export const nextOf = (request: FastifyRequest): string => {
  const query: unknown = request.query;
  return safeNext(query && typeof query === 'object' && 'next' in query ? query.next : undefined);
};

/** A path with the `next` address carried along as a query string. */
export const nextQuery = withNext;
