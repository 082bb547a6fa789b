import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityParams,
  CpdBody,
  CpdDoneBody,
  CpdLogJson,
  CpdSuggestionBody,
  CreatedJson,
  PersonParams,
  PlannedJson,
} from '../../contracts/api/cpd.ts';
import { ApiError } from '../../contracts/api/errors.ts';
import type { CpdActivity } from '../../contracts/portfolio/cpd.ts';
import type { AppContext } from '../../usecases/context.ts';
import {
  addCpdActivity,
  cpdLog,
  markCpdDone,
  planCpdSuggestion,
  removeCpdActivity,
  updateCpdActivity,
} from '../../usecases/portfolio/cpd.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

const activityJson = (a: CpdActivity) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() });

const NOTE = 'CPD hours are not credits: only accredited units carry credit, recorded as achievements.';

/** A person's CPD log: read it (with totals per academic year and the framework's suggestions), and change their own. */
export const registerCpdRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  api.get(
    '/people/:id/cpd',
    {
      schema: {
        tags: ['cpd'],
        summary: 'A person’s CPD log: done and planned activities, minutes per academic year (newest first), the framework’s suggestions',
        params: PersonParams,
        response: { 200: CpdLogJson, ...errors },
      },
    },
    async (request) => {
      const log = await cpdLog(deps(request.id), request.actor, request.params.id);
      return {
        person: log.person,
        totals: log.totals.map((t) => ({ academicYear: t.year, minutes: t.minutes })),
        done: log.done.map(activityJson),
        planned: log.planned.map(activityJson),
        suggestions: log.suggestions,
        note: NOTE,
      };
    },
  );

  api.post(
    '/people/:id/cpd',
    {
      schema: {
        tags: ['cpd'],
        summary: 'Add an activity to one’s own log',
        params: PersonParams,
        body: CpdBody,
        response: { 201: CreatedJson, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCpdActivity(deps(request.id), request.actor, request.params.id, request.body)),
  );

  api.post(
    '/people/:id/cpd/suggestions',
    {
      schema: {
        tags: ['cpd'],
        summary:
          'Add one of the framework’s CPD suggestions to one’s plan (idempotent: an already planned suggestion is returned, not repeated)',
        params: PersonParams,
        body: CpdSuggestionBody,
        response: { 200: PlannedJson, ...errors },
      },
    },
    async (request) => planCpdSuggestion(deps(request.id), request.actor, request.params.id, request.body.ref),
  );

  api.put(
    '/people/:id/cpd/:activityId',
    {
      schema: {
        tags: ['cpd'],
        summary: 'Replace an activity’s details',
        params: ActivityParams,
        body: CpdBody,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await updateCpdActivity(deps(request.id), request.actor, request.params.id, request.params.activityId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/people/:id/cpd/:activityId/done',
    {
      schema: {
        tags: ['cpd'],
        summary: 'Mark a planned activity done, with its date and minutes',
        params: ActivityParams,
        body: CpdDoneBody,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await markCpdDone(deps(request.id), request.actor, request.params.id, request.params.activityId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/people/:id/cpd/:activityId',
    {
      schema: {
        tags: ['cpd'],
        summary: 'Remove an activity from one’s log',
        params: ActivityParams,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await removeCpdActivity(deps(request.id), request.actor, request.params.id, request.params.activityId);
      return reply.status(204).send(null);
    },
  );
};
