import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../usecases/context.ts';
import { registerApi } from './api/index.ts';
import { apiDocsCsp } from './api-docs-csp.ts';
import { setUpSessions } from './auth/session-plugin.ts';
import { setUpCsrf } from './csrf.ts';
import { setUpErrorHandling } from './errors.ts';
import { setUpHealthChecks } from './health.ts';
import { setUpWebSecurity } from './security.ts';
import { setUpTextHygiene } from './text-hygiene.ts';
import { registerWeb } from './web/index.ts';

export type ServerOptions = { logLevel?: string };

/** Builds the Fastify application: API and pages over the same use-cases. */
export const buildServer = async (context: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    genReqId: () => crypto.randomUUID(),
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setUpErrorHandling(app);
  setUpTextHygiene(app);
  await setUpWebSecurity(app, context);
  await setUpSessions(app, context);
  setUpCsrf(app, () => context.config.publicUrl);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Pathways API', description: 'The career framework of school support staff, as an API.', version: '1' },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: apiDocsCsp });
  setUpHealthChecks(app, context);
  await app.register(async (api) => registerApi(api, context), { prefix: '/api' });
  await app.register(async (web) => registerWeb(web, context));
  return app;
};
