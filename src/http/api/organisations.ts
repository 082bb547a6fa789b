import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { IdParams } from '../../contracts/api/people.ts';
import type { AppContext } from '../../usecases/context.ts';
import { showOrganisation } from '../../usecases/organisations/organisations.ts';

const Organisation = z.object({
  id: z.string(),
  trustId: z.string(),
  kind: z.enum(['trust', 'school', 'provider']),
  name: z.string(),
  phase: z.string().nullable(),
  nation: z.string().nullable(),
  urn: z.string().nullable(),
});

const OrganisationDetail = z.object({
  organisation: Organisation,
  staffCount: z.number().int().nullable(),
  schools: z.array(Organisation.extend({ staffCount: z.number().int() })),
});

type Row = {
  id: string;
  trust_id: string;
  kind: 'trust' | 'school' | 'provider';
  name: string;
  phase: string | null;
  nation: string | null;
  urn: string | null;
};
const organisationOf = (o: Row) => ({
  id: o.id,
  trustId: o.trust_id,
  kind: o.kind,
  name: o.name,
  phase: o.phase,
  nation: o.nation,
  urn: o.urn,
});

/** Organisations: a trust with its schools, or one school. */
export const registerOrganisationRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'A trust with its schools, or a school with its staff count',
        params: IdParams,
        response: { 200: OrganisationDetail, 401: ApiError, 403: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      const shown = await showOrganisation(
        { db: context.database.kysely, auditKey: context.keys.auditKey, requestId: request.id },
        request.actor,
        request.params.id,
      );
      return {
        organisation: organisationOf(shown.organisation),
        staffCount: shown.staffCount,
        schools: shown.schools.map((s) => ({ ...organisationOf(s), staffCount: s.staffCount })),
      };
    },
  );
};
