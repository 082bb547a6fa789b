import type { FastifyInstance } from 'fastify';
import { showDeployment } from '../../../../usecases/partnerships/deployment-view.ts';
import { myPartnershipWork } from '../../../../usecases/partnerships/my-work.ts';
import { showPartnership } from '../../../../usecases/partnerships/overview.ts';
import { paramsOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';
import { DeploymentParams, PartnershipParams, PeriodQuery, partnershipDepsOf, periodOf } from './deps.ts';

/** The partnership's page, a deployment's page and the teacher's own list of deployments. */
export const registerPartnershipPages = (app: FastifyInstance) => {
  app.get(
    '/partnerships/:id',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(PartnershipParams, request);
      const { query } = queryOf(PeriodQuery, request);
      const page = await showPartnership(await partnershipDepsOf(request), actor, id, periodOf(query));
      return renderPage(request, reply, '../partnerships/show', { ...page, query });
    }),
  );

  app.get(
    '/partnerships/:id/deployments/:deploymentId',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const { query } = queryOf(PeriodQuery, request);
      const page = await showDeployment(await partnershipDepsOf(request), actor, id, deploymentId, periodOf(query));
      return renderPage(request, reply, '../partnerships/deployment', { ...page, query });
    }),
  );

  app.get(
    '/me/partnership-work',
    signedInPage(async ({ request, reply, actor }) =>
      renderPage(request, reply, '../partnerships/my-work', await myPartnershipWork(await partnershipDepsOf(request), actor)),
    ),
  );
};
