import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import {
  PersonParams,
  PersonSpecialismsJson,
  SpecialismDecisionBody,
  SpecialismParams,
  SpecialismRecordJson,
  SpecialismsBody,
  SpecialismsChangedJson,
} from '../../contracts/api/specialisms.ts';
import type { SpecialismRecord } from '../../contracts/portfolio/specialism.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { decideSpecialism, readSpecialisms, recordSpecialisms } from '../../usecases/portfolio/specialisms.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

const recordJson = (r: SpecialismRecord) => ({
  id: r.id,
  letter: r.letter,
  status: r.status,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionNote: r.decisionNote,
  withdrawnBy: r.withdrawnBy,
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
});

/** A person's specialisms: read them with their history, record one's own, confirm or decline a report's. */
export const registerSpecialismRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  api.get(
    '/people/:id/specialisms',
    {
      schema: {
        tags: ['specialisms'],
        summary: 'A person’s specialisms (from the framework data), where each stands, and their history',
        params: PersonParams,
        response: { 200: PersonSpecialismsJson, ...errors },
      },
    },
    async (request) => {
      const read = await readSpecialisms(deps(request.id), request.actor, request.params.id);
      return {
        person: read.person,
        specialisms: read.specialisms.map((s) => ({
          letter: s.letter,
          code: s.code,
          text: s.text,
          status: s.current?.status === 'confirmed' ? ('confirmed' as const) : s.current ? ('awaiting' as const) : ('none' as const),
          recordId: s.current?.id ?? null,
        })),
        staffRecord: read.staffRecord,
        history: read.history.map(recordJson),
        can: read.can,
      };
    },
  );

  api.put(
    '/people/:id/specialisms',
    {
      schema: {
        tags: ['specialisms'],
        summary: 'Record the specialisms one provides (the whole set): new ones await the line manager’s confirmation',
        params: PersonParams,
        body: SpecialismsBody,
        response: { 200: SpecialismsChangedJson, ...errors },
      },
    },
    async (request) => recordSpecialisms(deps(request.id), request.actor, request.params.id, request.body),
  );

  api.post(
    '/people/:id/specialisms/:specialismId/decision',
    {
      schema: {
        tags: ['specialisms'],
        summary: 'Confirm, or decline with a note, a specialism a report recorded',
        params: SpecialismParams,
        body: SpecialismDecisionBody,
        response: { 200: SpecialismRecordJson, ...errors },
      },
    },
    async (request) =>
      recordJson(await decideSpecialism(deps(request.id), request.actor, request.params.id, request.params.specialismId, request.body)),
  );
};
