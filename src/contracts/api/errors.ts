import { z } from 'zod';

/** The body of every API error: an AppError as JSON (http/errors.ts maps codes to statuses). */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ where: z.string(), reason: z.string() })),
  }),
});
