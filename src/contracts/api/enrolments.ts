import { z } from 'zod';
import { EnrolInput, EnrolmentFieldsInput, GatewayConfirmationInput, StatusChangeInput } from '../apprenticeships/enrolment.ts';

/** The enrolment API's bodies and answers (OpenAPI from these). */

export const EnrolmentParams = z.object({ id: z.uuid() });
export const EnrolBody = EnrolInput;
export const EnrolmentFieldsBody = EnrolmentFieldsInput;
export const StatusChangeBody = StatusChangeInput;
export const GatewayConfirmationBody = GatewayConfirmationInput;

const Status = z.enum(['on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed']);
const Confirmation = z.object({ userId: z.string(), name: z.string().nullable(), at: z.string() }).nullable();

export const EnrolmentJson = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string() }),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  programme: z.object({ id: z.string(), title: z.string() }),
  option: z.object({ code: z.string(), title: z.string() }).nullable(),
  startDate: z.string(),
  plannedEndDate: z.string(),
  contractedHoursPerWeek: z.number(),
  ageAtStart: z.number().int(),
  priorLearningHours: z.number(),
  priorLearningItems: z.array(z.string()),
  fixedMinimum: z.object({ hours: z.number(), source: z.string() }).nullable(),
  status: Status,
  statusName: z.string(),
  history: z.array(
    z.object({
      status: Status,
      statusName: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      grade: z.string().nullable(),
      reason: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  confirmations: z.object({ employer: Confirmation, provider: Confirmation }),
  can: z.object({ update: z.boolean(), recordStatus: z.boolean(), confirmEmployer: z.boolean(), confirmProvider: z.boolean() }),
});

export const EnrolmentCreatedJson = z.object({ id: z.uuid() });

const Node: z.ZodType<unknown> = z.unknown();

/** Gateway to Completion readiness: ready or not, each item with its next actions, in the current terms. */
export const GatewayJson = z.union([
  z.object({
    enrolmentId: z.uuid(),
    applies: z.literal(true),
    version: z.object({
      id: z.string(),
      title: z.string(),
      terms: z.object({ gateway: z.string(), assessment: z.string(), assessmentOrganisation: z.string() }),
      formerTerms: z.array(z.string()),
    }),
    ready: z.boolean(),
    items: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        met: z.boolean(),
        evidence: z.array(z.string()),
        nextActions: z.array(z.string()),
        evaluation: Node,
      }),
    ),
    offTheJob: z.object({
      rule: z.string().nullable(),
      minimumHours: z.number().nullable(),
      approvedHours: z.number(),
      message: z.string(),
    }),
    minimumDuration: z.object({ months: z.number().nullable(), daysNeeded: z.number().nullable(), daysSoFar: z.number() }),
  }),
  z.object({ enrolmentId: z.uuid(), applies: z.literal(false), reason: z.string() }),
]);
