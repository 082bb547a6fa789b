import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

/**
 * HTML form posts (urlencoded) are parsed once, for every page below the web scope. Fastify refuses a
 * second parser for the same content type, so no route file registers its own.
 */
export const setUpFormBody = async (app: FastifyInstance) => {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
};
