import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { accountMailDeps } from '../../../usecases/auth/account-mail-deps.ts';
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from '../../../usecases/auth/password-reset.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { renderPage } from '../views.ts';

const EmailForm = z.object({ email: z.string().trim().max(320).default('') });
const PasswordForm = z.object({ password: z.string().max(1024).default(''), confirm: z.string().max(1024).default('') });
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** Requests without a session cookie per address: at most this many reset requests per window. */
const addressLimit = { max: 10, windowMs: 15 * 60_000 } as const;

/** Counts recent reset requests per client address (in memory: a brake on one process, the per-account limit is in the database). */
const addressThrottle = () => {
  const seen = new Map<string, number[]>();
  return (address: string, now: number) => {
    const recent = (seen.get(address) ?? []).filter((t) => now - t < addressLimit.windowMs);
    recent.push(now);
    seen.set(address, recent);
    if (seen.size > 10_000) seen.clear();
    return recent.length <= addressLimit.max;
  };
};

/** "Forgot your password": ask for a link by email, then choose a new password from the link. */
export const registerPasswordResetRoutes = async (app: FastifyInstance, context: AppContext) => {
  const allowAddress = addressThrottle();
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody);
    const deps = (request: FastifyRequest) => accountMailDeps(context, request);
    const view = (name: string) => `../password-reset/${name}`;

    scope.get('/password-reset', (request, reply) => renderPage(request, reply, view('request'), {}));

    scope.post('/password-reset', async (request, reply) => {
      const form = EmailForm.safeParse(request.body ?? {});
      const email = form.success ? form.data.email : '';
      if (!/^[^\s@]+@[^\s@]+$/.test(email))
        return renderPage(request, reply, view('request'), { email, error: 'Enter your email address, like name@school.sch.uk' }, 400);
      if (!allowAddress(request.ip, context.clock().getTime()))
        return renderPage(
          request,
          reply,
          view('request'),
          { email, error: 'Too many requests from your network. Try again in 15 minutes' },
          429,
        );
      await requestPasswordReset(deps(request), { email });
      // The same answer whether or not there is an account with this email.
      return renderPage(request, reply, view('sent'), { email });
    });

    scope.get('/password-reset/:token', async (request, reply) => {
      const params = TokenParams.safeParse(request.params);
      if (!params.success || !(await checkPasswordResetToken(deps(request), params.data.token)))
        return renderPage(request, reply, view('invalid'), {}, 404);
      return renderPage(request, reply, view('new-password'), { action: `/password-reset/${params.data.token}` });
    });

    scope.post('/password-reset/:token', async (request, reply) => {
      const params = TokenParams.safeParse(request.params);
      if (!params.success) return renderPage(request, reply, view('invalid'), {}, 404);
      const action = `/password-reset/${params.data.token}`;
      const form = PasswordForm.safeParse(request.body ?? {});
      const password = form.success ? form.data.password : '';
      if (!form.success || password !== form.data.confirm)
        return renderPage(request, reply, view('new-password'), { action, error: 'The passwords do not match' }, 400);
      try {
        await resetPassword(deps(request), { token: params.data.token, password });
        return renderPage(request, reply, view('done'), {});
      } catch (error) {
        if (isAppError(error) && error.code === 'validation')
          return renderPage(request, reply, view('new-password'), { action, error: error.details[0]?.reason ?? error.message }, 400);
        if (isAppError(error) && error.code === 'not_found') return renderPage(request, reply, view('invalid'), {}, 404);
        throw error;
      }
    });
  });
};
