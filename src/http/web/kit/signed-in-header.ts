import type { FastifyInstance } from 'fastify';
import { signedInHeader } from '../../../usecases/home/signed-in-header.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Template variables merged into every view by @fastify/view (which decorates it but does not type it). */
    locals: Record<string, unknown> | null;
  }
}

/** The layout's header for a signed-in user: name and account menu, the areas they may open, unread notifications. */
export const setUpSignedInHeader = (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    if (request.actor.kind !== 'user') return;
    // Only pages show the header: API calls, assets and form posts skip the unread-count query.
    const page = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    reply.locals = { ...reply.locals, ...(await signedInHeader(request.deps, request.actor, page)) };
  });
};
