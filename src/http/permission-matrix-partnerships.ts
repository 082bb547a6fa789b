import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import type { SeededTrust } from '../testing/two-trusts.ts';
import { partnershipTestDeps, seedPartnershipWork } from '../usecases/partnerships/testing.ts';
import { type Row, signedIn } from './permission-matrix-row.ts';

/**
 * The permission matrix's rows for partnership teaching (issue 12), written by hand (see
 * permission-matrix.test.ts for the legend). `:id` is the side's partnership (coordinated by P);
 * `:deploymentId` deploys the side's staff member F from their school (where S is admin) to an
 * external partner. Others of the trust are refused; everyone outside the partnership gets 404.
 */
export const partnershipRows: Row[] = [
  ['GET /partnerships/:id', 'S F P', '-'],
  ['GET /partnerships/:id/partners/new', 'P', '-'],
  ['POST /partnerships/:id/partners/new', 'P', '-'],
  ['GET /partnerships/:id/deployments/new', 'P', '-'],
  ['POST /partnerships/:id/deployments/new', 'P', '-'],
  ['GET /partnerships/:id/deployments/:deploymentId', 'S F P', '-'],
  ['GET /partnerships/:id/deployments/:deploymentId/pattern', 'P', '-'],
  ['POST /partnerships/:id/deployments/:deploymentId/pattern', 'P', '-'],
  ['GET /partnerships/:id/deployments/:deploymentId/engagements/new', 'F P', '-'],
  ['POST /partnerships/:id/deployments/:deploymentId/engagements/new', 'F P', '-'],
  ['GET /partnerships/:id/deployments/:deploymentId/report.pdf', 'S F P', '-'],
  ['GET /partnerships/:id/engagements/import', 'P', '-'],
  ['POST /partnerships/:id/engagements/import', 'P', '-'],
  ['GET /partnerships/:id/tables/:table.:format', 'S F P', '-'],
  ['GET /partnerships/:id/report.pdf', 'S F P', '-'],
  ['GET /me/partnership-work', signedIn, signedIn],
  ['GET /api/partnerships/:id/engagements', 'S F P', '-'],
  ['GET /api/partnerships/:id/impact', 'S F P', '-'],
  [
    'POST /api/partnerships/:id/deployments/:deploymentId/engagements',
    'F P',
    '-',
    {
      body: '{"occurredOn":"2026-11-03","hostPartnerId":"00000000-0000-4000-8000-000000000000","kind":"PT.animateur","activity":"workshop","hours":1}',
    },
  ],
];

/** Paths whose :id is a partnership. */
export const partnershipPath = /^\/(api\/)?partnerships\/:id/;

/** Each side's deployment (its staff member at an external partner), for `:deploymentId`. */
export const seedMatrixPartnershipWork = async (db: Kysely<Tables>, trusts: { own: SeededTrust; other: SeededTrust }) => {
  const deps = await partnershipTestDeps(db, new Date().toISOString().slice(0, 10));
  return {
    own: (await seedPartnershipWork(deps, trusts.own, 'Ash')).deploymentId,
    other: (await seedPartnershipWork(deps, trusts.other, 'Birch')).deploymentId,
  };
};

/** Fills a partnership path's other parameters. */
export const fillPartnershipParams = (path: string, deploymentId: string) =>
  path.replace(':deploymentId', deploymentId).replace(':table', 'engagements');
