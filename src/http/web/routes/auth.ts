import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { signIn, signOut } from '../../../usecases/auth/sign-in.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { landingOf, MFA_PATH, nextOf, nextQuery } from '../../auth/guards.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../auth/session-plugin.ts';
import { setRetryAfter } from '../../retry-after.ts';
import { postedOf, renderPage } from '../kit/index.ts';
import { registerMfaRoutes } from './auth-mfa.ts';
import { registerPasswordRoutes } from './auth-password.ts';

const SignInForm = z.object({ email: z.string().max(320).catch(''), password: z.string().max(1024).catch('') });

const renderSignIn = (request: FastifyRequest, reply: FastifyReply, data: { next: string; email?: string; error?: string }, status = 200) =>
  renderPage(request, reply, '../auth/sign-in', { ...data, action: nextQuery('/sign-in', data.next) }, status);

/** Sign-in and sign-out pages, the MFA pages and the password change page. */
export const registerAuthRoutes = async (app: FastifyInstance, context: AppContext) => {
  app.get('/sign-in', (request, reply) => {
    const next = nextOf(request);
    if (request.actor.kind === 'user') return reply.redirect(landingOf(next), 303);
    return renderSignIn(request, reply, { next });
  });

  app.post('/sign-in', async (request, reply) => {
    const next = nextOf(request);
    const { email, password } = SignInForm.parse(postedOf(request.body));
    // One message for both fields: which one was wrong is not said (the account's existence stays private).
    if (!email.trim() || !password)
      return renderSignIn(request, reply, { next, email, error: 'Enter your email address and password' }, 400);
    try {
      const signedIn = await signIn(request.deps, {
        email,
        password,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, request, context, signedIn.token);
      // With no page to come back to, sign-in lands on the signed-in home (after the second factor, if owed).
      if (signedIn.mfa === 'enrol') return reply.redirect(nextQuery(`${MFA_PATH}/set-up`, landingOf(next)), 303);
      if (signedIn.mfa === 'challenge') return reply.redirect(nextQuery(MFA_PATH, landingOf(next)), 303);
      return reply.redirect(landingOf(next), 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'unauthenticated')
        return renderSignIn(request, reply, { next, email, error: error.message }, 401);
      if (isAppError(error) && error.code === 'rate_limited') {
        setRetryAfter(reply, error);
        return renderSignIn(request, reply, { next, email, error: error.message }, 429);
      }
      throw error;
    }
  });

  app.post('/sign-out', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(request.deps, token);
    clearSessionCookie(reply, request, context);
    return reply.redirect('/', 303);
  });

  registerMfaRoutes(app);
  registerPasswordRoutes(app);
};
