import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../usecases/context.ts';
import { registerFrameworkRoutes } from './frameworks.ts';

/** The JSON API, mounted under /api. Each area registers its routes from its own file. */
export const registerApi = (api: FastifyInstance, context: AppContext) => {
  registerFrameworkRoutes(api, context);
};
