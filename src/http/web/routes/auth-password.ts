import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../../../contracts/errors.ts';
import { isAppError } from '../../../contracts/errors.ts';
import { changePassword } from '../../../usecases/auth/password-change.ts';
import { type PasswordCost, standardPasswordCost } from '../../../usecases/auth/passwords.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { requireUser } from '../../auth/guards.ts';
import { renderPage } from '../views.ts';

const PasswordForm = z.object({
  currentPassword: z.string().max(1024).default(''),
  newPassword: z.string().max(1024).default(''),
  confirmPassword: z.string().max(1024).default(''),
});

const fieldIds: Record<string, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-password',
};

const renderForm = (request: FastifyRequest, reply: FastifyReply, errors: readonly ErrorDetail[] = [], status = 200) =>
  renderPage(
    request,
    reply,
    '../auth/password',
    {
      errors: Object.fromEntries(errors.map((e) => [e.where, e.reason])),
      errorList: errors.map((e) => ({ text: e.reason, href: `#${fieldIds[e.where] ?? 'current-password'}` })),
      changed: false,
    },
    status,
  );

/** Change your own password (/account/password). `passwordCost` lets tests hash cheaply. */
export const registerPasswordRoutes = (app: FastifyInstance, context: AppContext, passwordCost: PasswordCost = standardPasswordCost) => {
  app.get('/account/password', (request, reply) => {
    if (!requireUser(request, reply)) return reply;
    const query: unknown = request.query;
    const changed = !!query && typeof query === 'object' && 'changed' in query;
    return renderPage(request, reply, '../auth/password', { errors: {}, errorList: [], changed });
  });

  app.post('/account/password', async (request, reply) => {
    const actor = requireUser(request, reply);
    if (!actor || !request.session) return reply;
    const parsed = PasswordForm.safeParse(request.body ?? {});
    const form = parsed.success ? parsed.data : { currentPassword: '', newPassword: '', confirmPassword: '' };
    const missing: ErrorDetail[] = [];
    if (!form.currentPassword) missing.push({ where: 'currentPassword', reason: 'Enter your current password' });
    if (!form.newPassword) missing.push({ where: 'newPassword', reason: 'Enter a new password' });
    else if (form.newPassword !== form.confirmPassword)
      missing.push({ where: 'confirmPassword', reason: 'The new passwords do not match' });
    if (missing.length) return renderForm(request, reply, missing, 400);
    try {
      await changePassword(
        { db: context.database.kysely, auditKey: context.keys.auditKey, clock: context.clock, passwordCost, requestId: request.id },
        actor,
        request.session.id,
        { currentPassword: form.currentPassword, newPassword: form.newPassword },
      );
      return reply.redirect('/account/password?changed=1', 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return renderForm(request, reply, error.details, 400);
      throw error;
    }
  });
};
