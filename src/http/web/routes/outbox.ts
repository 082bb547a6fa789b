import type { FastifyInstance } from 'fastify';
import { listOutbox } from '../../../usecases/mail/outbox.ts';
import { renderPage, signedInPage } from '../kit/index.ts';

/** /admin/outbox: the mail Pathways has sent or is holding (no SMTP), for trust and school admins. */
export const registerOutboxRoutes = (app: FastifyInstance) => {
  app.get(
    '/admin/outbox',
    signedInPage(
      async ({ request, reply, actor, deps }) => {
        const messages = await listOutbox(deps, actor);
        reply.header('cache-control', 'no-store');
        return renderPage(request, reply, '../admin/outbox', { messages, smtpConfigured: Boolean(deps.config.smtpUrl) });
      },
      { forbiddenView: '../sso/forbidden' },
    ),
  );
};
