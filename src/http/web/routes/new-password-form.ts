import { z } from 'zod';
import { defineForm } from '../kit/index.ts';

/** A new password typed twice (password reset, accepting an invitation). How strong it must be is the use-case's rule. */
export const NewPasswordForm = defineForm(
  z
    .object({ password: z.string().max(1024).default(''), confirm: z.string().max(1024).default('') })
    .refine((form) => form.password === form.confirm, { message: 'The passwords do not match', path: ['password'] }),
  { fallback: 'password' },
);
