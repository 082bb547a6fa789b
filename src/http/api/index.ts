import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../usecases/context.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerFrameworkRoutes } from './frameworks.ts';
import { registerOrganisationRoutes } from './organisations.ts';
import { registerPeopleRoutes } from './people.ts';
import { registerProgressionRoutes } from './progression.ts';
import { registerSessionRoutes } from './session.ts';

/** The JSON API, mounted under /api. Each area registers its routes from its own file. */
export const registerApi = (api: FastifyInstance, context: AppContext) => {
  registerFrameworkRoutes(api, context);
  registerPeopleRoutes(api, context);
  registerOrganisationRoutes(api, context);
  registerAuditRoutes(api, context);
  registerProgressionRoutes(api, context);
  registerSessionRoutes(api, context);
};
