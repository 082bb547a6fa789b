import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import {
  KindParams,
  OrganisationParams,
  PersonParams,
  PersonTrainingJson,
  SchoolTrainingJson,
  TrainingKindJson,
  TrainingKindsJson,
  TrainingKindUpdate,
  TrainingRecordInput,
  TrainingRecordJson,
  TrainingViewQuery,
} from '../../contracts/api/training.ts';
import type { TrainingKind, TrainingRecord } from '../../store/training.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { personTraining, recordTraining, schoolTraining, schoolViewLimit } from '../../usecases/portfolio/training.ts';
import { retireTrainingKind, trainingKindsOf, updateTrainingKind } from '../../usecases/portfolio/training-kinds.ts';

const kindJson = (k: TrainingKind & { source?: string | null; note?: string | null }) => ({
  id: k.id,
  code: k.code,
  title: k.title,
  validityMonths: k.validityMonths,
  appliesTo: k.appliesTo,
  retired: k.retiredAt !== null,
  ...(k.source !== undefined ? { source: k.source, note: k.note ?? null } : {}),
});
const recordJson = (r: TrainingRecord) => ({
  id: r.id,
  kindId: r.kindId,
  completedOn: r.completedOn,
  expiresOn: r.expiresOn,
  provider: r.provider,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt.toISOString(),
});
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** Mandatory training: a school's view, a person's records, the trust's kinds. */
export const registerTrainingRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  api.get(
    '/organisations/:id/training',
    {
      schema: {
        tags: ['training'],
        summary: 'Who at a school (or across the trust) is out of date, missing training, or expiring within 30/60/90 days',
        params: OrganisationParams,
        querystring: TrainingViewQuery,
        response: { 200: SchoolTrainingJson, ...errors },
      },
    },
    async (request) => {
      const view = await schoolTraining(deps(request.id), request.actor, request.params.id, request.query);
      return {
        organisation: { id: view.organisation.id, name: view.organisation.name, kind: view.organisation.kind },
        today: view.today,
        window: view.window,
        kindId: view.kind?.id ?? null,
        counts: view.counts,
        people: view.rows.map((row) => ({
          personId: row.personId,
          name: row.name,
          training: Object.entries(row.cells).map(([kindId, cell]) => ({ kindId, ...cell })),
        })),
        truncatedAt: schoolViewLimit,
      };
    },
  );

  api.get(
    '/people/:id/training',
    {
      schema: {
        tags: ['training'],
        summary: "A person's mandatory training: status per kind, latest completion and history",
        params: PersonParams,
        response: { 200: PersonTrainingJson, ...errors },
      },
    },
    async (request) => {
      const shown = await personTraining(deps(request.id), request.actor, request.params.id);
      return {
        person: { id: shown.person.id, name: shown.person.name },
        today: shown.today,
        canRecord: shown.canRecord,
        kinds: shown.kinds.map((k) => ({
          kind: kindJson(k.kind),
          status: k.status,
          latest: k.latest ? recordJson(k.latest) : null,
          history: k.history.map(recordJson),
        })),
      };
    },
  );

  api.post(
    '/people/:id/training',
    {
      schema: {
        tags: ['training'],
        summary: 'Record completed training (the expiry follows the kind’s validity period unless given)',
        params: PersonParams,
        body: TrainingRecordInput,
        response: { 201: TrainingRecordJson, ...errors },
      },
    },
    async (request, reply) => {
      const record = await recordTraining(deps(request.id), request.actor, request.params.id, request.body);
      return reply.status(201).send(recordJson(record));
    },
  );

  api.get(
    '/organisations/:id/training-kinds',
    {
      schema: {
        tags: ['training'],
        summary: "The trust's training kinds with their validity periods and sources (trust admins)",
        params: OrganisationParams,
        response: { 200: TrainingKindsJson, ...errors },
      },
    },
    async (request) => {
      const shown = await trainingKindsOf(deps(request.id), request.actor, request.params.id);
      return { trustId: shown.organisation.trust_id, kinds: shown.kinds.map(kindJson) };
    },
  );

  api.put(
    '/organisations/:id/training-kinds/:kindId',
    {
      schema: {
        tags: ['training'],
        summary: "Change one of the trust's training kinds: validity period, title, who needs it, retired",
        params: KindParams,
        body: TrainingKindUpdate,
        response: { 200: TrainingKindJson, ...errors },
      },
    },
    async (request) => {
      const { id, kindId } = request.params;
      const { retired, ...change } = request.body;
      let kind = await updateTrainingKind(deps(request.id), request.actor, id, kindId, change);
      if (retired !== undefined && retired !== (kind.retiredAt !== null))
        kind = await retireTrainingKind(deps(request.id), request.actor, id, kindId, retired);
      return kindJson(kind);
    },
  );
};
