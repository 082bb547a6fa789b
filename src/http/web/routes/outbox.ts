import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../../contracts/errors.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { listOutbox } from '../../../usecases/mail/outbox.ts';
import { requireUser } from '../../auth/guards.ts';
import { renderPage } from '../views.ts';

/** /admin/outbox: the mail Pathways has sent or is holding (no SMTP), for trust and school admins. */
export const registerOutboxRoutes = (app: FastifyInstance, context: AppContext) => {
  app.get('/admin/outbox', async (request, reply) => {
    const actor = requireUser(request, reply);
    if (!actor) return reply;
    try {
      const messages = await listOutbox({ db: context.database.kysely, auditKey: context.keys.auditKey, requestId: request.id }, actor);
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, '../admin/outbox', { messages, smtpConfigured: Boolean(context.config.smtpUrl) });
    } catch (error) {
      if (isAppError(error) && error.code === 'forbidden') return renderPage(request, reply, '../sso/forbidden', {}, 403);
      throw error;
    }
  });
};
