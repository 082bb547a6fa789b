import type { FastifyInstance } from 'fastify';
import { myAccount } from '../../../usecases/home/my-account.ts';
import { signedInHome } from '../../../usecases/home/signed-in-home.ts';
import { SIGNED_IN_HOME } from '../../auth/guards.ts';
import { renderPage, signedInPage } from '../kit/index.ts';

/** GET /home: the user's own progress, the evidence waiting for them, their organisations' tasks; GET /account: their account. */
export const registerHomeRoutes = (app: FastifyInstance) => {
  app.get(
    SIGNED_IN_HOME,
    signedInPage(async ({ request, reply, actor, deps }) => {
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, '../home/signed-in', { home: await signedInHome(deps, actor) });
    }),
  );

  app.get(
    '/account',
    signedInPage(async ({ request, reply, actor, deps }) => {
      reply.header('cache-control', 'no-store');
      return renderPage(request, reply, '../home/account', {
        account: await myAccount(deps.db, actor),
        breadcrumbs: [{ text: 'Home', href: SIGNED_IN_HOME }],
      });
    }),
  );
};
