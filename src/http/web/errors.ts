import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from '../errors.ts';
import { renderPage } from './views.ts';

/** The GOV.UK-style "Page not found" page. */
export const renderNotFound = (request: FastifyRequest, reply: FastifyReply) => renderPage(request, reply, 'not-found', {}, 404);

/**
 * Pages get HTML error pages; anything under /api keeps the JSON errors of the API. The status comes
 * from the same mapping as the API's (`problemOf`), so a code means the same status everywhere.
 */
export const setUpWebErrors = (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', details: [] } });
    }
    return renderNotFound(request, reply);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemOf(error);
    if (problem.status === 404) return renderNotFound(request, reply);
    // Refusals (cross-site requests, missing permissions) get a GOV.UK page with their status.
    if (problem.code === 'forbidden' || problem.code === 'unauthenticated') {
      return renderPage(request, reply, '../auth/forbidden', { message: problem.message }, problem.status);
    }
    // Other client errors (text we cannot store, a conflict with the record's state) say what was wrong.
    if (problem.status < 500) {
      const reasons = [...new Set(problem.details.map((d) => d.reason))].filter((r) => r !== problem.message);
      return renderPage(request, reply, 'problem', { message: problem.message, reasons }, problem.status);
    }
    request.log.error({ err: error }, 'page failed');
    return renderPage(request, reply, 'server-error', {}, 500);
  });
};
