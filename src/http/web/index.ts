import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../usecases/context.ts';
import { setUpWebErrors } from './errors.ts';
import { setUpWebKit } from './kit/index.ts';
import { registerAssociateTeacherPages } from './routes/apprenticeships/associate-teacher.ts';
import { registerCoveragePages } from './routes/apprenticeships/coverage.ts';
import { registerEnrolmentPages } from './routes/apprenticeships/enrolments.ts';
import { registerOffTheJobPages } from './routes/apprenticeships/off-the-job.ts';
import { registerProgressReviewPages } from './routes/apprenticeships/reviews.ts';
import { registerSupervisionPages } from './routes/apprenticeships/supervision.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerExploreRoutes } from './routes/explore.ts';
import { registerExplorerRoutes } from './routes/explorer.ts';
import { registerHomeRoutes } from './routes/home.ts';
import { registerInsightDashboardPages } from './routes/insight/dashboard.ts';
import { registerInsightReportPages } from './routes/insight/reports.ts';
import { registerTrainingNeedsPages } from './routes/insight/training-needs.ts';
import { registerInvitationRoutes } from './routes/invitations.ts';
import { registerNextStepRoutes } from './routes/next-step.ts';
import { registerOutboxRoutes } from './routes/outbox.ts';
import { registerPartnershipTeachingPages } from './routes/partnerships/index.ts';
import { registerPasswordResetRoutes } from './routes/password-reset.ts';
import { registerDirectoryPages } from './routes/people.ts';
import { registerPlanRouteRoutes } from './routes/plan-route.ts';
import { registerPortfolioPages } from './routes/portfolio/index.ts';
import { registerRoleFitRoutes } from './routes/role-fit.ts';
import { registerSsoRoutes } from './routes/sso.ts';
import { registerStaffExportRoutes } from './routes/staff-export.ts';
import { registerStaffImportRoutes } from './routes/staff-import.ts';
import { setUpViews } from './views.ts';

const assetsDir = fileURLToPath(new URL('../../../public/build/', import.meta.url));

/** The server-rendered pages: GOV.UK Frontend components, Pathways' own header, static assets under /assets. */
export const registerWeb = async (app: FastifyInstance, context: AppContext) => {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    decorateReply: false,
    // app.css and the govuk-frontend script are built with .br and .gz copies beside them.
    preCompressed: true,
    maxAge: context.config.production ? '1d' : 0,
  });
  await setUpViews(app, { demo: context.demo, production: context.config.production, catalogue: () => context.catalogue.current() });
  setUpWebErrors(app);
  await setUpWebKit(app, context);
  registerExplorerRoutes(app, context);
  registerHomeRoutes(app);
  registerExploreRoutes(app);
  registerNextStepRoutes(app);
  registerPlanRouteRoutes(app);
  registerRoleFitRoutes(app);
  await registerAuthRoutes(app, context);
  await registerSsoRoutes(app, context);
  await registerPasswordResetRoutes(app, context);
  await registerInvitationRoutes(app, context);
  registerOutboxRoutes(app);
  await registerStaffImportRoutes(app, context.config.importMaxBytes);
  registerStaffExportRoutes(app);
  registerDirectoryPages(app);
  registerInsightDashboardPages(app);
  registerInsightReportPages(app);
  registerTrainingNeedsPages(app);
  await registerPortfolioPages(app, context);
  registerEnrolmentPages(app);
  registerOffTheJobPages(app);
  registerProgressReviewPages(app);
  registerCoveragePages(app);
  registerAssociateTeacherPages(app);
  registerSupervisionPages(app);
  await registerPartnershipTeachingPages(app);
};
