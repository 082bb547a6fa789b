import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../usecases/context.ts';

const Health = z.object({ status: z.literal('ok'), frameworks: z.number().int(), uptimeSeconds: z.number() });

/** Liveness without touching the database, so it answers even while a long query runs. */
export const setUpHealthChecks = (app: FastifyInstance, context: AppContext) => {
  app.get('/health', { schema: { response: { 200: Health }, tags: ['health'] } }, () => ({
    status: 'ok' as const,
    frameworks: context.catalogue.current().frameworks.length,
    uptimeSeconds: Math.round(process.uptime()),
  }));
};
