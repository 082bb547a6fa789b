import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { PlanCohortBody, PlannedCohortJson, TrainingNeedsJson, TrainingNeedsQuery } from '../../contracts/api/insight-training-needs.ts';
import type { AppContext } from '../../usecases/context.ts';
import { planCohort } from '../../usecases/insight/cohorts.ts';
import { trainingNeeds, trainingNeedsDeps } from '../../usecases/insight/training-needs.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** The training-needs analysis and planning a cohort, as JSON. */
export const registerTrainingNeedsRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/insight/training-needs',
    {
      schema: {
        tags: ['insight'],
        summary:
          'The requirements and competency items most often unmet in a scope (trust, school, partnership or chosen people) against each person’s next level or a chosen target, by school, with provision and proposed cohorts',
        querystring: TrainingNeedsQuery,
        response: { 200: TrainingNeedsJson, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return trainingNeeds(trainingNeedsDeps(context, request.id), request.actor, {
        target: q.target,
        ...(q.scope ? { scope: q.scope } : {}),
        ...(q.minCluster ? { minCluster: q.minCluster } : {}),
        ...(q.people ? { people: q.people } : {}),
      });
    },
  );
  api.post(
    '/insight/training-needs/cohorts',
    {
      schema: {
        tags: ['insight'],
        summary: 'Adds a need’s activity to the CPD plan of each person given (all or nothing; idempotent)',
        body: PlanCohortBody,
        response: { 200: PlannedCohortJson, ...errors },
      },
    },
    async (request) => planCohort(trainingNeedsDeps(context, request.id), request.actor, request.body),
  );
};
