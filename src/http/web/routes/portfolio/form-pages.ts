import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppError, isAppError } from '../../../../contracts/errors.ts';
import type { AppContext } from '../../../../usecases/context.ts';

/**
 * Registers one portfolio area's routes in a scope of their own that parses HTML form posts. The
 * parser is added only where no outer scope has one already, since Fastify refuses a second.
 */
export const registerFormPages = async (
  parent: FastifyInstance,
  context: AppContext,
  routes: (app: FastifyInstance, context: AppContext) => void | Promise<void>,
): Promise<void> => {
  await parent.register(async (app) => {
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
    await routes(app, context);
  });
};

/** A posted form's fields by name; anything that is not a form (no body, a JSON array) reads as no fields. */
export const formFieldsOf = (request: FastifyRequest): Record<string, unknown> => {
  const parsed = z.record(z.string(), z.unknown()).safeParse(request.body);
  return parsed.success ? parsed.data : {};
};

/** A use-case's refusal of the input (`validation`): the page shows it beside the fields rather than as an error page. */
export const isInvalidInput = (error: unknown): error is AppError => isAppError(error) && error.code === 'validation';

/** The same, or a change the record's current state refuses (`conflict`): both are shown on the page. */
export const isShownOnForm = (error: unknown): error is AppError =>
  isAppError(error) && (error.code === 'validation' || error.code === 'conflict');
