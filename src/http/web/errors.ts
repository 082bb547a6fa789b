import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
    if (error.statusCode && error.statusCode < 500) {
      return renderPage(request, reply, 'not-found', {}, error.statusCode === 404 ? 404 : 400);
    }
    request.log.error({ err: error }, 'page failed');
    return renderPage(request, reply, 'server-error', {}, 500);
  });
};
