import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { EngagementInput, ImpactPeriod } from '../../contracts/partnerships.ts';
import { readPartnershipTeachingRules } from '../../framework/partnership-teaching-rules.ts';
import type { AppContext } from '../../usecases/context.ts';
import { kindsOf, type PartnershipDeps } from '../../usecases/partnerships/deps.ts';
import { recordEngagement } from '../../usecases/partnerships/engagements.ts';
import { showPartnership } from '../../usecases/partnerships/overview.ts';
import { DeploymentParams, EngagementsJson, ImpactJson, PartnershipParams, RecordedJson } from './partnerships.types.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

/** Partnership teaching's JSON: the engagements the caller may see, the impact for a period, and recording an engagement. */
export const registerPartnershipRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = async (requestId: string): Promise<PartnershipDeps> => ({
    db: context.database.kysely,
    auditKey: context.keys.auditKey,
    requestId,
    clock: context.clock,
    kinds: kindsOf(context.catalogue.current()),
    rules: await readPartnershipTeachingRules(),
  });

  api.get(
    '/partnerships/:id/engagements',
    {
      schema: {
        tags: ['partnerships'],
        summary: 'The partnership’s engagements the caller may see (coordinator: all; school admin: their school’s; teacher: their own)',
        params: PartnershipParams,
        response: { 200: EngagementsJson, ...errors },
      },
    },
    async (request) => {
      const page = await showPartnership(await deps(request.id), request.actor, request.params.id, {});
      return { engagements: page.engagements };
    },
  );

  api.get(
    '/partnerships/:id/impact',
    {
      schema: {
        tags: ['partnerships'],
        summary: 'Reach, breadth, depth, degree and betweenness per teacher and organisation for a period, and the change term on term',
        params: PartnershipParams,
        querystring: ImpactPeriod,
        response: { 200: ImpactJson, ...errors },
      },
    },
    async (request) => {
      const { impact } = await showPartnership(await deps(request.id), request.actor, request.params.id, request.query);
      const r = impact.report;
      return {
        from: impact.period.from,
        to: impact.period.to,
        normalisation: r.normalisation,
        partnership: r.partnership,
        teachers: r.teachers.map((t) => ({
          id: t.id,
          name: t.name,
          engagements: t.engagements,
          reach: t.reach,
          breadth: t.breadth,
          depth: t.depth,
          degree: t.degree,
          degreeCentrality: t.degreeCentrality,
          betweenness: t.betweenness,
        })),
        organisations: r.organisations.map((o) => ({
          id: o.organisation.id,
          name: o.organisation.name,
          engagements: o.engagements,
          reach: o.reach,
          kinds: o.breadth.kinds,
          repeatEngagements: o.depth.repeatEngagements,
          degree: o.degree,
          degreeCentrality: o.degreeCentrality,
          betweenness: o.betweenness,
        })),
        terms: impact.terms.map((t) => ({
          term: t.term.id,
          title: t.term.title,
          engagements: t.summary.engagements,
          organisations: t.summary.reach.organisations,
          pupils: t.summary.reach.pupils,
          teachers: t.summary.reach.teachers,
        })),
      };
    },
  );

  api.post(
    '/partnerships/:id/deployments/:deploymentId/engagements',
    {
      schema: {
        tags: ['partnerships'],
        summary: 'Record an engagement for a deployment (the teacher themselves, or the partnership’s coordinator)',
        params: DeploymentParams,
        body: EngagementInput,
        response: { 201: RecordedJson, ...errors },
      },
    },
    async (request, reply) => {
      const recorded = await recordEngagement(
        await deps(request.id),
        request.actor,
        request.params.id,
        request.params.deploymentId,
        request.body,
      );
      return reply.status(201).send(recorded);
    },
  );
};
