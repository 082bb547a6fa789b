import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../usecases/context.ts';
import { signedInPage } from '../../kit/index.ts';
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
 * Form posts are parsed by the web kit (../../kit), once for every page.
 */
export const registerPortfolioPages = async (app: FastifyInstance, context: AppContext) => {
  app.get(
    '/portfolio',
    signedInPage(async ({ reply, actor }) => reply.redirect(actor.personId ? `/people/${actor.personId}/portfolio` : '/people', 303)),
  );
  registerAchievementPages(app, context);
  await registerAttachmentPages(app, context);
  registerTrainingPages(app, context);
  registerCpdPages(app);
  registerReviewPages(app);
  registerEvidencePages(app, context);
  registerOverviewPages(app);
  registerHltaPages(app);
  registerSpecialismPages(app);
};
