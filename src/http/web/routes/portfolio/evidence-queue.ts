import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { reviewQueue } from '../../../../usecases/portfolio/evidence/evidence-queries.ts';
import { markAllRead, myNotifications } from '../../../../usecases/portfolio/evidence/my-notifications.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';

/** The signed-in user's own pages: evidence waiting for their decision, and their notifications. */
export const registerEvidenceQueuePages = (app: FastifyInstance, context: AppContext) => {
  app.get(
    '/evidence-queue',
    signedInPage(async (request, reply, actor) => {
      const queue = await reviewQueue(portfolioDeps(context, request.id), actor);
      return renderPage(request, reply, '../portfolio/evidence-queue', {
        queue: queue.map((e) => ({ ...e, submittedOn: e.submittedAt?.toISOString().slice(0, 10) ?? '' })),
        reviews: actor.reportIds.length + actor.apprenticeIds.length > 0,
      });
    }),
  );

  app.get(
    '/notifications',
    signedInPage(async (request, reply, actor) => {
      const list = await myNotifications(portfolioDeps(context, request.id), actor);
      return renderPage(request, reply, '../portfolio/notifications', {
        notifications: list.map((n) => ({ ...n, createdOn: n.createdAt.toISOString().slice(0, 16).replace('T', ' ') })),
        unread: list.filter((n) => n.readAt === null).length,
      });
    }),
  );

  app.post(
    '/notifications/read',
    signedInPage(async (request, reply, actor) => {
      await markAllRead(portfolioDeps(context, request.id), actor);
      return reply.redirect('/notifications', 303);
    }),
  );
};
