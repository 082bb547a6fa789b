import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnrolBody,
  EnrolmentCreatedJson,
  EnrolmentFieldsBody,
  EnrolmentJson,
  EnrolmentParams,
  GatewayConfirmationBody,
  GatewayJson,
  StatusChangeBody,
} from '../../contracts/api/enrolments.ts';
import { ApiError } from '../../contracts/api/errors.ts';
import { statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import { apprenticeshipDeps } from '../../usecases/apprenticeships/deps.ts';
import { readEnrolment } from '../../usecases/apprenticeships/enrolment-page.ts';
import { recordStatusChange } from '../../usecases/apprenticeships/enrolment-status.ts';
import { confirmGateway, editEnrolment, enrol } from '../../usecases/apprenticeships/enrolments.ts';
import { enrolmentGateway } from '../../usecases/apprenticeships/gateway.ts';
import type { AppContext } from '../../usecases/context.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

/** Apprenticeship enrolments: enrol, read, change, record status, confirm and check Gateway to Completion. */
export const registerEnrolmentRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => apprenticeshipDeps(context, requestId);

  api.post(
    '/enrolments',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'Enrol a person on an apprenticeship standard (with its option), a framework pathway or a degree programme',
        body: EnrolBody,
        response: { 201: EnrolmentCreatedJson, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await enrol(deps(request.id), request.actor, request.body)),
  );

  api.get(
    '/enrolments/:id',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'An enrolment with its status history and what the caller may do',
        params: EnrolmentParams,
        response: { 200: EnrolmentJson, ...errors },
      },
    },
    async (request) => {
      const d = deps(request.id);
      const { enrolment: e, history, can } = await readEnrolment(d, request.actor, request.params.id);
      const programme = programmeById(d.catalogue, e.programme);
      const confirmation = (c: typeof e.employerConfirmation) => (c ? { userId: c.userId, name: c.name, at: c.at.toISOString() } : null);
      return {
        id: e.id,
        person: { id: e.personId, name: e.personName },
        employer: { id: e.employerId, name: e.employerName },
        provider: { id: e.providerId, name: e.providerName },
        programme: { id: e.programme, title: programme?.title ?? e.programme },
        option: e.optionCode
          ? { code: e.optionCode, title: programme?.options.find((o) => o.id === e.optionCode)?.title ?? e.optionCode }
          : null,
        startDate: e.startDate,
        plannedEndDate: e.plannedEndDate,
        contractedHoursPerWeek: e.contractedHoursPerWeek,
        ageAtStart: e.ageAtStart,
        priorLearningHours: e.priorLearningHours,
        priorLearningItems: e.priorLearningItems,
        fixedMinimum: e.fixedMinimum,
        status: e.status,
        statusName: statusNames[e.status],
        history: history.map((h) => ({
          status: h.status,
          statusName: statusNames[h.status],
          effectiveFrom: h.effectiveFrom,
          effectiveTo: h.effectiveTo,
          grade: h.grade,
          reason: h.reason,
          recordedBy: h.recordedByName,
          recordedAt: h.recordedAt.toISOString(),
        })),
        confirmations: { employer: confirmation(e.employerConfirmation), provider: confirmation(e.providerConfirmation) },
        can,
      };
    },
  );

  api.put(
    '/enrolments/:id',
    {
      schema: {
        tags: ['apprenticeships'],
        summary: 'Change an enrolment’s programme, option, provider, dates, hours and prior learning',
        params: EnrolmentParams,
        body: EnrolmentFieldsBody,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await editEnrolment(deps(request.id), request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/enrolments/:id/status',
    {
      schema: {
        tags: ['apprenticeships'],
        summary:
          'Record a status change: break in learning (with dates), return, withdrawal, Gateway to Completion, apprenticeship assessment, completion with grade',
        params: EnrolmentParams,
        body: StatusChangeBody,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await recordStatusChange(deps(request.id), request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/enrolments/:id/gateway/confirmations',
    {
      schema: {
        tags: ['apprenticeships'],
        summary:
          'Record (or withdraw) the employer’s or the provider’s confirmation that the apprentice is ready for Gateway to Completion',
        params: EnrolmentParams,
        body: GatewayConfirmationBody,
        response: { 204: z.null().describe('done'), ...errors },
      },
    },
    async (request, reply) => {
      await confirmGateway(deps(request.id), request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/enrolments/:id/gateway',
    {
      schema: {
        tags: ['apprenticeships'],
        summary:
          'Gateway to Completion readiness (formerly the end-point assessment gateway): ready or not, each unmet item with its next action',
        params: EnrolmentParams,
        response: { 200: GatewayJson, ...errors },
      },
    },
    async (request) => {
      const { enrolment, readiness } = await enrolmentGateway(deps(request.id), request.actor, request.params.id);
      if (!readiness.applies) return { enrolmentId: enrolment.id, applies: false as const, reason: readiness.reason };
      return {
        enrolmentId: enrolment.id,
        applies: true as const,
        version: readiness.version,
        ready: readiness.ready,
        items: readiness.items.map((i) => ({
          id: i.id,
          label: i.label,
          met: i.met,
          evidence: i.evidence,
          nextActions: i.nextActions,
          evaluation: i.node,
        })),
        offTheJob: readiness.offTheJob,
        minimumDuration: readiness.minimumDuration,
      };
    },
  );
};
