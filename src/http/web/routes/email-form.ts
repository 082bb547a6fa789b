import { z } from 'zod';
import { defineForm } from '../kit/index.ts';

/** A form asking for one email address (password reset, single sign-on), refused with `message` unless it looks like one. */
export const emailForm = (message: string) =>
  defineForm(
    z.object({
      email: z
        .string({ error: message })
        .trim()
        .max(320, message)
        .regex(/^[^\s@]+@[^\s@]+$/, message),
    }),
  );
