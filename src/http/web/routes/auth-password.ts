import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changePassword } from '../../../usecases/auth/password-change.ts';
import { defineForm, type FormErrors, renderForm, type SignedIn, signedInPage, submitForm } from '../kit/index.ts';

const PasswordForm = defineForm(
  z
    .object({
      currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(1024),
      newPassword: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password').max(1024),
      confirmPassword: z.string().max(1024).default(''),
    })
    .refine((form) => form.newPassword === form.confirmPassword, {
      message: 'The new passwords do not match',
      path: ['confirmPassword'],
      // Said beside a missing current password too, but not when there is no new password to match.
      when: (payload) => typeof (payload.value as { newPassword?: unknown }).newPassword === 'string',
    }),
  { ids: { currentPassword: 'current-password', newPassword: 'new-password', confirmPassword: 'confirm-password' } },
);

const renderPasswordForm = (page: SignedIn, errors?: FormErrors) => renderForm(page, '../auth/password', {}, errors);

/** Change your own password (/account/password). */
export const registerPasswordRoutes = (app: FastifyInstance) => {
  app.get(
    '/account/password',
    signedInPage(async (page) => renderPasswordForm(page)),
  );

  app.post(
    '/account/password',
    signedInPage(async (page) => {
      const sessionId = page.request.session?.id ?? '';
      return submitForm(PasswordForm, page.request.body, {
        save: (values) => changePassword(page.deps, page.actor, sessionId, values),
        again: (errors) => renderPasswordForm(page, errors),
        done: () =>
          page.reply.redirectWithFlash('/account/password', 'Your password has been changed. You have been signed out everywhere else.'),
      });
    }),
  );
};
