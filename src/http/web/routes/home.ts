import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../usecases/context.ts';
import { myAccount } from '../../../usecases/home/my-account.ts';
import { signedInHome } from '../../../usecases/home/signed-in-home.ts';
import { portfolioDeps } from '../../../usecases/portfolio/deps.ts';
import { SIGNED_IN_HOME } from '../../auth/guards.ts';
import { renderPage } from '../views.ts';
import { signedInPage } from './people-page.ts';

/** GET /home: the user's own progress, the evidence waiting for them, their organisations' tasks; GET /account: their account. */
export const registerHomeRoutes = (app: FastifyInstance, context: AppContext) => {
  app.get(
    SIGNED_IN_HOME,
    signedInPage(async (request, reply, actor) => {
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, '../home/signed-in', { home: await signedInHome(portfolioDeps(context, request.id), actor) });
    }),
  );

  app.get(
    '/account',
    signedInPage(async (request, reply, actor) => {
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, '../home/account', {
        account: await myAccount(context.database.kysely, actor),
        breadcrumbs: [{ text: 'Home', href: SIGNED_IN_HOME }],
      });
    }),
  );
};
