import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import {
  DecisionBody,
  EvidenceBody,
  EvidenceList,
  EvidenceParams,
  EvidencePersonParams,
  EvidenceRecord,
  JudgementList,
  JudgementRecord,
  NotificationList,
  ObservationBody,
  QueueList,
  SubmitBody,
} from '../../contracts/api/evidence.ts';
import type { StoredEvidence, EvidenceSummary as StoredSummary } from '../../store/evidence.ts';
import type { Judgement } from '../../store/judgements.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { decideEvidence } from '../../usecases/portfolio/evidence/decide-evidence.ts';
import { judgementsOfPerson, listEvidence, reviewQueue, showEvidence } from '../../usecases/portfolio/evidence/evidence-queries.ts';
import { myNotifications, unreadCount } from '../../usecases/portfolio/evidence/my-notifications.ts';
import { recordObservation } from '../../usecases/portfolio/evidence/record-judgement.ts';
import { submitEvidence } from '../../usecases/portfolio/evidence/submit-evidence.ts';
import { createEvidence, updateEvidence } from '../../usecases/portfolio/evidence/write-evidence.ts';
import { requireApiUser } from '../auth/guards.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

const summary = (e: StoredSummary) => ({
  id: e.id,
  personId: e.personId,
  kind: e.kind,
  title: e.title,
  occurredOn: e.occurredOn,
  status: e.status,
  updatedAt: e.updatedAt.toISOString(),
  submittedAt: iso(e.submittedAt),
  decidedAt: iso(e.decidedAt),
  counts: e.counts,
});

const record = (e: StoredEvidence) => ({
  id: e.id,
  personId: e.personId,
  kind: e.kind,
  title: e.title,
  occurredOn: e.occurredOn,
  body: e.body,
  status: e.status,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  submittedAt: iso(e.submittedAt),
  decidedAt: iso(e.decidedAt),
  claims: e.claims.map((c) => ({ ...c, decidedAt: iso(c.decidedAt) })),
});

const judgement = (j: Judgement) => ({
  id: j.id,
  itemCode: j.itemCode,
  value: j.value,
  source: j.source,
  evidenceId: j.evidenceId,
  note: j.note,
  judgedBy: j.judgedBy,
  judgedAt: j.judgedAt.toISOString(),
});

/** Evidence with per-claim sign-off, judgements, the reviewer's queue and the user's notifications. */
export const registerEvidenceRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const denied = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
  const deps = (requestId: string) => portfolioDeps(context, requestId);
  const tags = ['evidence'];

  api.get(
    '/people/:id/evidence',
    { schema: { tags, summary: "A person's evidence", params: EvidencePersonParams, response: { 200: EvidenceList, ...denied } } },
    async (request) => ({ evidence: (await listEvidence(deps(request.id), request.actor, request.params.id)).items.map(summary) }),
  );
  api.post(
    '/people/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Start a draft piece of evidence (the person themselves)',
        params: EvidencePersonParams,
        body: EvidenceBody,
        response: { 201: EvidenceRecord, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(record(await createEvidence(deps(request.id), request.actor, request.params.id, request.body))),
  );
  api.get(
    '/people/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'One piece of evidence with its claims',
        params: EvidenceParams,
        response: { 200: EvidenceRecord, ...denied },
      },
    },
    async (request) => record((await showEvidence(deps(request.id), request.actor, request.params.id, request.params.evidenceId)).item),
  );
  api.put(
    '/people/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Change a draft, or evidence with returned claims (accepted claims stay)',
        params: EvidenceParams,
        body: EvidenceBody,
        response: { 200: EvidenceRecord, 409: ApiError, ...denied },
      },
    },
    async (request) =>
      record(await updateEvidence(deps(request.id), request.actor, request.params.id, request.params.evidenceId, request.body)),
  );
  api.post(
    '/people/:id/evidence/:evidenceId/submit',
    {
      schema: {
        tags,
        summary: 'Submit evidence for a decision (after checking pupils cannot be identified)',
        params: EvidenceParams,
        body: SubmitBody,
        response: { 200: EvidenceRecord, 409: ApiError, ...denied },
      },
    },
    async (request) => {
      const d = deps(request.id);
      await submitEvidence(d, request.actor, request.params.id, request.params.evidenceId, {
        pupilsAnonymised: request.body.pupilsAnonymised,
      });
      return record((await showEvidence(d, request.actor, request.params.id, request.params.evidenceId)).item);
    },
  );
  api.post(
    '/people/:id/evidence/:evidenceId/decision',
    {
      schema: {
        tags,
        summary: 'Accept or return each claim (the line manager, or the apprentice’s assessor)',
        params: EvidenceParams,
        body: DecisionBody,
        response: { 200: EvidenceRecord, 409: ApiError, ...denied },
      },
    },
    async (request) => {
      const d = deps(request.id);
      await decideEvidence(d, request.actor, request.params.id, request.params.evidenceId, request.body);
      return record((await showEvidence(d, request.actor, request.params.id, request.params.evidenceId)).item);
    },
  );
  api.get(
    '/people/:id/judgements',
    {
      schema: {
        tags,
        summary: "A person's current judgements with each item's history",
        params: EvidencePersonParams,
        response: { 200: JudgementList, ...denied },
      },
    },
    async (request) => {
      const view = await judgementsOfPerson(deps(request.id), request.actor, request.params.id);
      return { judgements: view.current.map((j) => ({ ...judgement(j), history: (view.history.get(j.itemCode) ?? []).map(judgement) })) };
    },
  );
  api.post(
    '/people/:id/judgements',
    {
      schema: {
        tags,
        summary: 'Record a judgement from an observation (the line manager, or the apprentice’s assessor)',
        params: EvidencePersonParams,
        body: ObservationBody,
        response: { 201: JudgementRecord, ...denied },
      },
    },
    async (request, reply) =>
      reply.status(201).send(judgement(await recordObservation(deps(request.id), request.actor, request.params.id, request.body))),
  );
  api.get(
    '/evidence-queue',
    {
      schema: {
        tags,
        summary: 'Submitted evidence waiting for the signed-in user, oldest first',
        response: { 200: QueueList, 401: ApiError },
      },
    },
    async (request) => ({
      queue: (await reviewQueue(deps(request.id), requireApiUser(request))).map((e) => ({
        ...summary(e),
        personName: e.personName,
        waitingDays: e.waitingDays,
      })),
    }),
  );
  api.get(
    '/notifications',
    { schema: { tags, summary: "The signed-in user's notifications, newest first", response: { 200: NotificationList, 401: ApiError } } },
    async (request) => {
      const actor = requireApiUser(request);
      const d = deps(request.id);
      return {
        unread: await unreadCount(d, actor),
        notifications: (await myNotifications(d, actor)).map((n) => ({
          id: n.id,
          kind: n.kind,
          message: n.message,
          href: n.href,
          createdAt: n.createdAt.toISOString(),
          readAt: iso(n.readAt),
        })),
      };
    },
  );
};
