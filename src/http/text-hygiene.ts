import type { FastifyInstance } from 'fastify';
import { AppError } from '../contracts/errors.ts';
import { findUnstorableText, unstorableTextMessages } from '../contracts/text.ts';

/**
 * Refuses, before any route's validation, a request whose body, query or path parameters hold text
 * the database cannot store (a null character, a lone surrogate): `invalid_text`, 400, for pages and
 * the API alike. Multipart uploads are parsed by their routes, whose file names are normalised.
 */
export const setUpTextHygiene = (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.query, 'query') ??
      findUnstorableText(request.body, 'body');
    if (found) {
      const message = unstorableTextMessages[found.character];
      throw new AppError('invalid_text', message, [{ where: found.where, reason: message }]);
    }
  });
};
