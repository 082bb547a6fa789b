import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../usecases/context.ts';
import { signedInPage } from '../people-page.ts';
import { registerAchievementPages } from './achievements.ts';
import { registerAttachmentPages } from './attachments.ts';
import { registerCpdPages } from './cpd.ts';
import { registerEvidencePages } from './evidence.ts';
import { registerHltaPages } from './hlta.ts';
import { registerOverviewPages } from './overview.ts';
import { registerReviewPages } from './reviews.ts';
import { registerSpecialismPages } from './specialisms.ts';
import { registerTrainingPages } from './training.ts';

/**
 * The staff portfolio's pages live under /people/:id/portfolio, so the person and those who may
 * read their portfolio (manager, admins, assessor) use the same addresses. /portfolio is "mine".
 */
export const registerPortfolioPages = async (app: FastifyInstance, context: AppContext) => {
  app.get(
    '/portfolio',
    signedInPage(async (_request, reply, actor) => {
      if (!actor.personId) return reply.redirect('/people', 303);
      return reply.redirect(`/people/${actor.personId}/portfolio`, 303);
    }),
  );
  await registerAchievementPages(app, context);
  await registerAttachmentPages(app, context);
  await registerTrainingPages(app, context);
  await registerCpdPages(app, context);
  await registerReviewPages(app, context);
  await registerEvidencePages(app, context);
  await registerOverviewPages(app, context);
  await registerHltaPages(app, context);
  await registerSpecialismPages(app, context);
};
