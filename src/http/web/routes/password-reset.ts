import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from '../../../usecases/auth/password-reset.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { formErrorsOf, noErrors, postedText, renderPage } from '../kit/index.ts';
import { emailForm } from './email-form.ts';
import { NewPasswordForm } from './new-password-form.ts';

const EmailForm = emailForm('Enter your email address, like name@school.sch.uk');
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

const view = (name: string) => `../password-reset/${name}`;

/** "Forgot your password": ask for a link by email, then choose a new password from the link. */
export const registerPasswordResetRoutes = async (app: FastifyInstance, context: AppContext) => {
  const allowAddress = addressThrottle();

  app.get('/password-reset', (request, reply) => renderPage(request, reply, view('request'), noErrors()));

  app.post('/password-reset', async (request, reply) => {
    const form = EmailForm.parse(request.body);
    const email = postedText(form.posted, 'email').trim();
    if (!form.ok) return renderPage(request, reply, view('request'), { email, ...form.errors }, 400);
    if (!allowAddress(request.ip, context.clock().getTime()))
      return renderPage(
        request,
        reply,
        view('request'),
        { email, ...formErrorsOf([{ field: 'email', text: 'Too many requests from your network. Try again in 15 minutes' }]) },
        429,
      );
    await requestPasswordReset(request.deps, { email: form.values.email });
    // The same answer whether or not there is an account with this email.
    return renderPage(request, reply, view('sent'), { email: form.values.email });
  });

  app.get('/password-reset/:token', async (request, reply) => {
    const params = TokenParams.safeParse(request.params);
    if (!params.success || !(await checkPasswordResetToken(request.deps, params.data.token)))
      return renderPage(request, reply, view('invalid'), {}, 404);
    return renderPage(request, reply, view('new-password'), { action: `/password-reset/${params.data.token}`, ...noErrors() });
  });

  app.post('/password-reset/:token', async (request, reply) => {
    const params = TokenParams.safeParse(request.params);
    if (!params.success) return renderPage(request, reply, view('invalid'), {}, 404);
    const action = `/password-reset/${params.data.token}`;
    const form = NewPasswordForm.parse(request.body);
    if (!form.ok) return renderPage(request, reply, view('new-password'), { action, ...form.errors }, 400);
    try {
      await resetPassword(request.deps, { token: params.data.token, password: form.values.password });
      return renderPage(request, reply, view('done'), {});
    } catch (error) {
      if (isAppError(error) && error.code === 'validation')
        return renderPage(request, reply, view('new-password'), { action, ...NewPasswordForm.errorsOf(error) }, 400);
      if (isAppError(error) && error.code === 'not_found') return renderPage(request, reply, view('invalid'), {}, 404);
      throw error;
    }
  });
};
