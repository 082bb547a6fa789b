import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, isAppError } from '../contracts/errors.ts';

/** The one place where error codes become HTTP statuses. */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  import_invalid: 400,
  framework_invalid: 400,
  config_invalid: 500,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  database_in_use: 503,
  port_in_use: 500,
  internal: 500,
};

/** JSON errors for the API: `{ error: { code, message, details } }`; a 500 says only that something went wrong. */
export const setUpErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.status(httpStatusOf[error.code]).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        where: `${error.validationContext ?? 'request'}${v.instancePath || ''}`,
        reason: v.message ?? 'invalid',
      }));
      return reply.status(400).send({ error: { code: 'validation', message: 'The request is not valid', details } });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'validation', message: error.message, details: [] } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong. It has been logged.', details: [] } });
  });
};
