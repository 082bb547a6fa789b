import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../usecases/context.ts';
import { signedInPage } from '../people-page.ts';

/**
 * The staff portfolio's pages live under /people/:id/portfolio, so the person and those who may
 * read their portfolio (manager, admins, assessor) use the same addresses. /portfolio is "mine".
 */
export const registerPortfolioPages = async (app: FastifyInstance, _context: AppContext) => {
  app.get(
    '/portfolio',
    signedInPage(async (_request, reply, actor) => {
      if (!actor.personId) return reply.redirect('/people', 303);
      return reply.redirect(`/people/${actor.personId}/portfolio`, 303);
    }),
  );
};
