import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../usecases/context.ts';
import { setUpWebErrors } from './errors.ts';
import { registerExplorerRoutes } from './routes/explorer.ts';
import { setUpViews } from './views.ts';

const assetsDir = fileURLToPath(new URL('../../../public/build/', import.meta.url));

/** The server-rendered pages: GOV.UK Frontend components, Pathways' own header, static assets under /assets. */
export const registerWeb = async (app: FastifyInstance, context: AppContext) => {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: context.config.production ? '1d' : 0,
  });
  await setUpViews(app, { demo: context.demo, production: context.config.production });
  setUpWebErrors(app);
  registerExplorerRoutes(app, context);
};
