import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../contracts/errors.ts';
import { httpStatusOf } from '../errors.ts';
import { renderPage } from './views.ts';

/** The GOV.UK-style "Page not found" page. */
export const renderNotFound = (request: FastifyRequest, reply: FastifyReply) => renderPage(request, reply, 'not-found', {}, 404);

/** Pages get HTML error pages; anything under /api keeps the JSON errors of the API. */
export const setUpWebErrors = (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', details: [] } });
    }
    return renderNotFound(request, reply);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Refusals (cross-site requests, missing permissions) get a GOV.UK page with their status, not a 500.
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'unauthenticated')) {
      return renderPage(request, reply, '../auth/forbidden', { message: error.message }, httpStatusOf[error.code]);
    }
    if (error.statusCode && error.statusCode < 500) {
      return renderPage(request, reply, 'not-found', {}, error.statusCode === 404 ? 404 : 400);
    }
    request.log.error({ err: error }, 'page failed');
    return renderPage(request, reply, 'server-error', {}, 500);
  });
};
