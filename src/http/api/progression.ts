import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import type { StoredDutyProfile } from '../../store/duty-profiles.ts';
import type { AppContext } from '../../usecases/context.ts';
import { progressionDeps } from '../../usecases/progression/deps.ts';
import { confirmDutyProfile, listDutyProfiles, saveDutyProfile } from '../../usecases/progression/duty-profiles.ts';
import { exploreGap, exploreRoleFit, exploreRoute } from '../../usecases/progression/explore.ts';
import { gapForPerson, roleFitForPerson, routeForPerson } from '../../usecases/progression/person-progression.ts';
import {
  DutyProfileHistory,
  DutyProfileRecord,
  GapBody,
  GapResult,
  PersonDutyProfileParams,
  PersonGapQuery,
  PersonGapResult,
  PersonParams,
  PersonRoleFitResult,
  PersonRouteQuery,
  PersonRouteResult,
  RoleFitBody,
  RoleFitResult,
  RouteBody,
  RoutePlanResult,
} from './progression.types.ts';

/** The open engine endpoints allow this many calls per client address per window. */
export const publicEngineRateLimit = { max: 60, timeWindow: '1 minute' } as const;

const record = (p: StoredDutyProfile) => ({
  id: p.id,
  currentRole: p.currentRole,
  duties: p.duties,
  status: p.status,
  recordedBy: p.recordedBy,
  confirmedBy: p.confirmedBy,
  recordedAt: p.recordedAt.toISOString(),
  confirmedAt: p.confirmedAt?.toISOString() ?? null,
});

/** The progression engine over HTTP: open endpoints on a described state, and permission-checked ones for stored people. */
export const registerProgressionRoutes = (app: FastifyInstance, context: AppContext) => {
  // Open to anyone, so rate limited per client address; scoped to these three routes only.
  app.register(async (open) => {
    await open.register(rateLimit, { ...publicEngineRateLimit, keyGenerator: (request) => request.ip });
    const api = open.withTypeProvider<ZodTypeProvider>();
    const catalogue = () => context.catalogue.current();
    const errors = { 400: ApiError, 429: ApiError };
    api.post(
      '/gap',
      {
        schema: {
          tags: ['progression'],
          summary: 'Gap analysis of a described person against a target',
          body: GapBody,
          response: { 200: GapResult, ...errors },
        },
      },
      (request) => exploreGap(request.body, catalogue()),
    );
    api.post(
      '/route',
      {
        schema: {
          tags: ['progression'],
          summary: 'The best routes from a described person to a goal',
          body: RouteBody,
          response: { 200: RoutePlanResult, ...errors },
        },
      },
      (request) => exploreRoute(request.body, catalogue()),
    );
    api.post(
      '/role-fit',
      {
        schema: {
          tags: ['progression'],
          summary: 'Role fit (job evaluation) of a duty profile — indicative, not a pay decision',
          body: RoleFitBody,
          response: { 200: RoleFitResult, ...errors },
        },
      },
      (request) => exploreRoleFit(request.body, catalogue()),
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const denied = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
  api.get(
    '/people/:id/gap',
    {
      schema: {
        tags: ['progression'],
        summary: "Gap analysis of a stored person (needs permission to read the person's portfolio)",
        params: PersonParams,
        querystring: PersonGapQuery,
        response: { 200: PersonGapResult, ...denied },
      },
    },
    (request) =>
      gapForPerson(progressionDeps(context, request.id), request.actor, request.params.id, request.query.target, {
        ...(request.query.option ? { option: request.query.option } : {}),
        ...(request.query.trainingPhase ? { trainingPhase: request.query.trainingPhase } : {}),
      }),
  );
  api.get(
    '/people/:id/route',
    {
      schema: {
        tags: ['progression'],
        summary: 'Routes for a stored person to a goal',
        params: PersonParams,
        querystring: PersonRouteQuery,
        response: { 200: PersonRouteResult, ...denied },
      },
    },
    (request) =>
      routeForPerson(progressionDeps(context, request.id), request.actor, request.params.id, request.query.goal, {
        ...(request.query.option ? { option: request.query.option } : {}),
        ...(request.query.trainingPhase ? { trainingPhase: request.query.trainingPhase } : {}),
      }),
  );
  api.get(
    '/people/:id/role-fit',
    {
      schema: {
        tags: ['progression'],
        summary: "Role fit of a stored person's latest duty profile",
        params: PersonParams,
        response: { 200: PersonRoleFitResult, ...denied },
      },
    },
    async (request) => {
      const result = await roleFitForPerson(progressionDeps(context, request.id), request.actor, request.params.id);
      return { person: result.person, profile: result.profile ? record(result.profile) : null, fit: result.fit };
    },
  );
  api.get(
    '/people/:id/duty-profiles',
    {
      schema: {
        tags: ['progression'],
        summary: "A person's duty profiles, newest first",
        params: PersonParams,
        response: { 200: DutyProfileHistory, ...denied },
      },
    },
    async (request) => ({
      dutyProfiles: (await listDutyProfiles(progressionDeps(context, request.id), request.actor, request.params.id)).map(record),
    }),
  );
  api.post(
    '/people/:id/duty-profiles',
    {
      schema: {
        tags: ['progression'],
        summary: 'Save a self-assessed duty profile (the person or their line manager)',
        params: PersonParams,
        body: RoleFitBody,
        response: { 201: DutyProfileRecord, ...denied },
      },
    },
    async (request, reply) => {
      const saved = await saveDutyProfile(progressionDeps(context, request.id), request.actor, request.params.id, request.body.dutyProfile);
      return reply.status(201).send(record(saved));
    },
  );
  api.post(
    '/people/:id/duty-profiles/:dutyProfileId/confirm',
    {
      schema: {
        tags: ['progression'],
        summary: "Confirm a duty profile (the person's line manager)",
        params: PersonDutyProfileParams,
        response: { 200: DutyProfileRecord, 409: ApiError, ...denied },
      },
    },
    async (request) =>
      record(
        await confirmDutyProfile(progressionDeps(context, request.id), request.actor, request.params.id, request.params.dutyProfileId),
      ),
  );
};
