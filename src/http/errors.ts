import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, type ErrorDetail, isAppError } from '../contracts/errors.ts';

/** The one place where error codes become HTTP statuses. */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  invalid_text: 400,
  import_invalid: 400,
  framework_invalid: 400,
  config_invalid: 500,
  unauthenticated: 401,
  rate_limited: 429,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  database_in_use: 503,
  port_in_use: 500,
  internal: 500,
};

/** An error as the client sees it: its status and the `{ code, message, details }` both the API and the pages show. */
export type HttpProblem = { status: number; code: string; message: string; details: readonly ErrorDetail[] };

/**
 * The one mapping from a thrown error to what the client is told, for the API and the pages alike:
 * an `AppError` by its code, a request the schema refuses as `validation`, Fastify's own client
 * errors (a malformed body, too large a payload) by their status, and anything else as a 500 that
 * says only that something went wrong.
 */
export const problemOf = (error: FastifyError | Error): HttpProblem => {
  if (isAppError(error)) return { status: httpStatusOf[error.code], code: error.code, message: error.message, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      where: `${error.validationContext ?? 'request'}${v.instancePath || ''}`,
      reason: v.message ?? 'invalid',
    }));
    return { status: 400, code: 'validation', message: 'The request is not valid', details };
  }
  const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) return { status: statusCode, code: 'validation', message: error.message, details: [] };
  return { status: 500, code: 'internal', message: 'Something went wrong. It has been logged.', details: [] };
};

/** JSON errors for the API: `{ error: { code, message, details } }`; a 500 says only that something went wrong. */
export const setUpErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, code, message, details } = problemOf(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ error: { code, message, details } });
  });
};
