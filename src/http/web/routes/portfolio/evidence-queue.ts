import type { FastifyInstance } from 'fastify';
import { markAllRead, myNotifications } from '../../../../usecases/portfolio/evidence/my-notifications.ts';
import { evidenceQueuePage } from '../../../../usecases/portfolio/pages/evidence-queue-page.ts';
import { renderPage, signedInPage } from '../../kit/index.ts';

/** The signed-in user's own pages: evidence waiting for their decision, and their notifications. */
export const registerEvidenceQueuePages = (app: FastifyInstance) => {
  app.get(
    '/evidence-queue',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const page = await evidenceQueuePage(deps, actor);
      return renderPage(request, reply, '../portfolio/evidence-queue', { queue: page.queue, reviews: page.reviewsAnyone });
    }),
  );

  app.get(
    '/notifications',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const list = await myNotifications(deps, actor);
      return renderPage(request, reply, '../portfolio/notifications', {
        notifications: list,
        unread: list.filter((n) => n.readAt === null).length,
      });
    }),
  );

  app.post(
    '/notifications/read',
    signedInPage(async ({ reply, actor, deps }) => {
      await markAllRead(deps, actor);
      return reply.redirectWithFlash('/notifications', 'Notifications marked as read');
    }),
  );
};
