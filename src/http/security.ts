import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../usecases/context.ts';

/** Security headers with a strict content security policy: scripts and styles from this origin only. */
export const setUpWebSecurity = async (app: FastifyInstance, context: AppContext) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: context.config.production ? [] : null,
      },
    },
    hsts: context.config.production,
  });
};
