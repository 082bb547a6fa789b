import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../usecases/context.ts';
import { registerAchievementRoutes } from './achievements.ts';
import { registerAttachmentRoutes } from './attachments.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerCpdRoutes } from './cpd.ts';
import { registerEvidenceRoutes } from './evidence.ts';
import { registerEvidenceSuggestionRoutes } from './evidence-suggestions.ts';
import { registerFrameworkRoutes } from './frameworks.ts';
import { registerOrganisationRoutes } from './organisations.ts';
import { registerPeopleRoutes } from './people.ts';
import { registerPortfolioRoutes } from './portfolio.ts';
import { registerProgressionRoutes } from './progression.ts';
import { registerReviewRoutes } from './reviews.ts';
import { registerSessionRoutes } from './session.ts';
import { registerSpecialismRoutes } from './specialisms.ts';
import { registerTrainingRoutes } from './training.ts';

/** The JSON API, mounted under /api. Each area registers its routes from its own file. */
export const registerApi = (api: FastifyInstance, context: AppContext) => {
  registerFrameworkRoutes(api, context);
  registerAchievementRoutes(api, context);
  registerAttachmentRoutes(api, context);
  registerPeopleRoutes(api, context);
  registerOrganisationRoutes(api, context);
  registerAuditRoutes(api, context);
  registerProgressionRoutes(api, context);
  registerSessionRoutes(api, context);
  registerTrainingRoutes(api, context);
  registerEvidenceSuggestionRoutes(api, context);
  registerEvidenceRoutes(api, context);
  registerPortfolioRoutes(api, context);
  registerCpdRoutes(api, context);
  registerReviewRoutes(api, context);
  registerSpecialismRoutes(api, context);
};
