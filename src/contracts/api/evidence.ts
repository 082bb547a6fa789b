import { z } from 'zod';
import { EvidenceDecision, EvidenceInput, EvidenceKind, ObservationJudgement } from '../portfolio/evidence.ts';

/** Request and response contracts of the evidence, judgement, review-queue and notification API. */

export const EvidencePersonParams = z.object({ id: z.string().min(1).max(100) });
export const EvidenceParams = z.object({ id: z.string().min(1).max(100), evidenceId: z.string().min(1).max(100) });

export const EvidenceBody = EvidenceInput;
export const DecisionBody = EvidenceDecision;
export const SubmitBody = z.strictObject({ pupilsAnonymised: z.literal(true).describe('The author confirms pupils cannot be identified') });
export const ObservationBody = ObservationJudgement;

const Status = z.enum(['draft', 'submitted', 'decided']);
const Counts = z.object({ claimed: z.number(), accepted: z.number(), returned: z.number() });

export const EvidenceSummary = z.object({
  id: z.string(),
  personId: z.string(),
  kind: EvidenceKind,
  title: z.string(),
  occurredOn: z.string(),
  status: Status,
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  counts: Counts,
});
export const EvidenceList = z.object({ evidence: z.array(EvidenceSummary) });

export const EvidenceRecord = z.object({
  id: z.string(),
  personId: z.string(),
  kind: EvidenceKind,
  title: z.string(),
  occurredOn: z.string(),
  body: z.string(),
  status: Status,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  claims: z.array(
    z.object({
      itemCode: z.string(),
      status: z.enum(['claimed', 'accepted', 'returned']),
      feedback: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
    }),
  ),
});

export const JudgementRecord = z.object({
  id: z.string(),
  itemCode: z.string(),
  value: z.enum(['not-started', 'developing', 'met']),
  source: z.enum(['evidence', 'observation']),
  evidenceId: z.string().nullable(),
  note: z.string().nullable(),
  judgedBy: z.string(),
  judgedAt: z.string(),
});
export const JudgementList = z.object({
  judgements: z.array(JudgementRecord.extend({ history: z.array(JudgementRecord) })),
});

export const QueueList = z.object({
  queue: z.array(EvidenceSummary.extend({ personName: z.string(), waitingDays: z.number() })),
});

export const NotificationList = z.object({
  unread: z.number(),
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      message: z.string(),
      href: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
});
