import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { SessionState, SignInBody } from '../../contracts/api/session.ts';
import { isAppError } from '../../contracts/errors.ts';
import { describeSignedInUser, signIn, signOut } from '../../usecases/auth/sign-in.ts';
import type { AppContext } from '../../usecases/context.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth/session-plugin.ts';
import { setRetryAfter } from '../retry-after.ts';

/** Sign in (POST), who is signed in (GET) and sign out (DELETE) for API clients. */
export const registerSessionRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (request: FastifyRequest) => ({
    db: context.database.kysely,
    auditKey: context.keys.auditKey,
    clock: context.clock,
    demo: context.demo,
    requestId: request.id,
  });

  const state = async (request: FastifyRequest): Promise<SessionState> => {
    if (request.actor.kind === 'user') {
      const user = await describeSignedInUser(context.database.kysely, request.actor.userId);
      if (user)
        return { signedIn: true, secondFactor: 'none', user: { id: user.userId, email: user.email, name: user.name, roles: user.roles } };
    }
    return { signedIn: false, secondFactor: request.session && !request.session.mfaVerified ? 'challenge' : 'none', user: null };
  };

  api.get(
    '/session',
    { schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: SessionState } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return state(request);
    },
  );

  api.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password (sets the session cookie)',
        body: SignInBody,
        response: { 200: SessionState, 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(deps(request), {
        email: request.body.email,
        password: request.body.password,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      }).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'rate_limited') setRetryAfter(reply, error);
        throw error;
      });
      setSessionCookie(reply, request, context, signedIn.token);
      reply.header('cache-control', 'no-store');
      const user = signedIn.mfa === 'none' ? await describeSignedInUser(context.database.kysely, signedIn.userId) : undefined;
      return {
        signedIn: signedIn.mfa === 'none',
        secondFactor: signedIn.mfa,
        user: user ? { id: user.userId, email: user.email, name: user.name, roles: user.roles } : null,
      };
    },
  );

  api.delete('/session', { schema: { tags: ['session'], summary: 'Sign out (revokes the session)' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(deps(request), token);
    clearSessionCookie(reply, request, context);
    reply.header('cache-control', 'no-store');
    return reply.status(204).send();
  });
};
