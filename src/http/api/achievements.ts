import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AchievementBody,
  AchievementList,
  AchievementParams,
  AchievementRecord,
  Flags,
  FlagsBody,
  HltaAwardBody,
  HltaExternalStatusBody,
  PersonParams,
} from '../../contracts/api/achievements.ts';
import { ApiError } from '../../contracts/api/errors.ts';
import type { StoredAchievement } from '../../store/achievements.ts';
import type { AppContext } from '../../usecases/context.ts';
import { addAchievement, listAchievements, removeAchievement, setFlags } from '../../usecases/portfolio/achievements.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { awardHltaStatus, recordExternalHltaStatus } from '../../usecases/portfolio/hlta-status.ts';

const record = (a: StoredAchievement) => ({
  id: a.id,
  details: a.details,
  recordedBy: a.recordedBy,
  recordedAt: a.recordedAt.toISOString(),
});

/** A person's achievements, flags and HLTA status over JSON. */
export const registerAchievementRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);
  const denied = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
  api.get(
    '/people/:id/achievements',
    {
      schema: {
        tags: ['portfolio'],
        summary: "A person's achievements, flags and credit totals (needs permission to read the portfolio)",
        params: PersonParams,
        response: { 200: AchievementList, ...denied },
      },
    },
    async (request) => {
      const list = await listAchievements(deps(request.id), request.actor, request.params.id);
      return {
        person: { id: list.person.id, name: list.person.name },
        achievements: list.achievements.map(record),
        flags: list.flags,
        credits: list.credits,
      };
    },
  );
  api.post(
    '/people/:id/achievements',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Record an achievement (the person, or an admin for them)',
        params: PersonParams,
        body: AchievementBody,
        response: { 201: AchievementRecord, 409: ApiError, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(record(await addAchievement(deps(request.id), request.actor, request.params.id, request.body))),
  );
  api.delete(
    '/people/:id/achievements/:achievementId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Remove an achievement (the row is kept, marked removed)',
        params: AchievementParams,
        response: { 204: z.null().describe('removed'), 409: ApiError, ...denied },
      },
    },
    async (request, reply) => {
      await removeAchievement(deps(request.id), request.actor, request.params.id, request.params.achievementId);
      return reply.status(204).send(null);
    },
  );
  api.put(
    '/people/:id/flags',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Record the EHC plan or statement and BSL flags read by the apprenticeship English and maths rule',
        params: PersonParams,
        body: FlagsBody,
        response: { 200: Flags, ...denied },
      },
    },
    (request) => setFlags(deps(request.id), request.actor, request.params.id, request.body),
  );
  api.post(
    '/people/:id/hlta-status',
    {
      schema: {
        tags: ['portfolio'],
        summary: "Award HLTA status (the headteacher of the person's school; every HLTA standard must be judged met)",
        params: PersonParams,
        body: HltaAwardBody,
        response: { 201: AchievementRecord, 409: ApiError, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(record(await awardHltaStatus(deps(request.id), request.actor, request.params.id, request.body))),
  );
  api.post(
    '/people/:id/hlta-status/external',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Record HLTA status gained by external assessment (HLTA National Assessment Partnership): provider, dates, certificate number; the person, or an admin for them',
        params: PersonParams,
        body: HltaExternalStatusBody,
        response: { 201: AchievementRecord, 409: ApiError, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(record(await recordExternalHltaStatus(deps(request.id), request.actor, request.params.id, request.body))),
  );
};
