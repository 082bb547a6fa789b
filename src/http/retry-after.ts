import type { FastifyReply } from 'fastify';
import type { AppError } from '../contracts/errors.ts';

/** A `rate_limited` error names its wait (seconds) in a `retryAfterSeconds` detail; HTTP says it in `Retry-After`. */
export const setRetryAfter = (reply: FastifyReply, error: AppError) => {
  const seconds = Number(error.details.find((d) => d.where === 'retryAfterSeconds')?.reason);
  if (Number.isInteger(seconds) && seconds > 0) reply.header('retry-after', String(seconds));
};
