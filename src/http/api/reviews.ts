import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/api/errors.ts';
import {
  CommentBody,
  CreatedJson,
  CycleJson,
  CycleParams,
  CyclesJson,
  ObjectiveBody,
  OutcomeBody,
  PersonParams,
  SignBody,
  StageJson,
  StartBody,
} from '../../contracts/api/reviews.ts';
import type { ReviewCycleSummary } from '../../contracts/portfolio/review.ts';
import type { CompetencyItem } from '../../framework/schema.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import {
  addReviewObjective,
  advanceReview,
  commentOnReview,
  recordReviewOutcome,
  signReview,
} from '../../usecases/portfolio/review-changes.ts';
import { reviewCycle, reviewCycles, startReview } from '../../usecases/portfolio/reviews.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

const cycleJson = (c: ReviewCycleSummary) => ({
  id: c.id,
  academicYear: c.academicYear,
  stage: c.stage,
  reviewer: { userId: c.reviewerId, name: c.reviewerName },
  outcome: c.outcome,
  staffSignedAt: c.staffSignedAt?.toISOString() ?? null,
  reviewerSignedAt: c.reviewerSignedAt?.toISOString() ?? null,
});
const dutyJson = (d: CompetencyItem) => ({ code: d.code, text: d.text });

/** Performance reviews: a yearly cycle per person, objectives, comments from both sides, outcome and sign-off by both. */
export const registerReviewRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  api.get(
    '/people/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'A person’s review cycles, newest academic year first',
        params: PersonParams,
        response: { 200: CyclesJson, ...errors },
      },
    },
    async (request) => {
      const list = await reviewCycles(deps(request.id), request.actor, request.params.id);
      return {
        person: list.person,
        currentAcademicYear: list.currentYear,
        canStart: list.canStart,
        cycles: list.cycles.map(cycleJson),
        reviewDuties: list.reviewDuties.map(dutyJson),
      };
    },
  );

  api.post(
    '/people/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Start the person’s review for an academic year (the current one by default); the caller is the reviewer',
        params: PersonParams,
        body: StartBody,
        response: { 201: CreatedJson, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await startReview(deps(request.id), request.actor, request.params.id, request.body)),
  );

  api.get(
    '/people/:id/reviews/:cycleId',
    {
      schema: {
        tags: ['reviews'],
        summary: 'One review cycle: objectives, comments per stage and side, and what the caller may do',
        params: CycleParams,
        response: { 200: CycleJson, ...errors },
      },
    },
    async (request) => {
      const d = await reviewCycle(deps(request.id), request.actor, request.params.id, request.params.cycleId);
      return {
        person: d.person,
        cycle: cycleJson(d.cycle),
        objectives: d.objectives.map(({ position: _position, ...o }) => o),
        comments: d.comments.map((c) => ({
          id: c.id,
          stage: c.stage,
          side: c.side,
          objectiveId: c.objectiveId,
          body: c.body,
          writtenBy: { userId: c.writtenBy, name: c.writerName },
          writtenAt: c.writtenAt.toISOString(),
        })),
        you: d.you,
        reviewDuties: d.reviewDuties.map(dutyJson),
      };
    },
  );

  api.post(
    '/people/:id/reviews/:cycleId/objectives',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Add an objective (reviewer; while objectives are set or at mid-year)',
        params: CycleParams,
        body: ObjectiveBody,
        response: { 201: CreatedJson, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addReviewObjective(deps(request.id), request.actor, request.params.id, request.params.cycleId, request.body)),
  );

  api.post(
    '/people/:id/reviews/:cycleId/comments',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Comment at the mid-year or end-of-year review, as the member of staff or the reviewer',
        params: CycleParams,
        body: CommentBody,
        response: { 201: CreatedJson, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commentOnReview(deps(request.id), request.actor, request.params.id, request.params.cycleId, request.body)),
  );

  api.post(
    '/people/:id/reviews/:cycleId/advance',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Move the review on: objectives → mid-year → end-of-year (reviewer)',
        params: CycleParams,
        body: z.strictObject({}).optional(),
        response: { 200: StageJson, ...errors },
      },
    },
    async (request) => ({ stage: await advanceReview(deps(request.id), request.actor, request.params.id, request.params.cycleId) }),
  );

  api.put(
    '/people/:id/reviews/:cycleId/outcome',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Record the outcome at the end-of-year review (reviewer; until someone signs)',
        params: CycleParams,
        body: OutcomeBody,
        response: { 204: z.null().describe('recorded'), ...errors },
      },
    },
    async (request, reply) => {
      await recordReviewOutcome(deps(request.id), request.actor, request.params.id, request.params.cycleId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/people/:id/reviews/:cycleId/signatures',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Sign the end-of-year review for one side, once; signed by both, the review is signed off and read-only',
        params: CycleParams,
        body: SignBody,
        response: { 200: StageJson, ...errors },
      },
    },
    async (request) => ({
      stage: await signReview(deps(request.id), request.actor, request.params.id, request.params.cycleId, request.body),
    }),
  );
};
