import { z } from 'zod';
import { EnteredDate } from '../dates.ts';

/** The kinds of evidence a person can write, in the order the editor offers them. */
export const evidenceKinds = [
  'reflective-account',
  'observation-record',
  'witness-testimony',
  'work-product',
  'certificate',
  'professional-discussion',
] as const;
export const EvidenceKind = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Human labels of the evidence kinds, for forms, lists and exports. */
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  'reflective-account': 'Reflective account',
  'observation-record': 'Observation record',
  'witness-testimony': 'Witness testimony',
  'work-product': 'Work product',
  certificate: 'Certificate',
  'professional-discussion': 'Professional discussion',
};

export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_BODY_MAX = 20_000;
export const EVIDENCE_CLAIMS_MAX = 40;
export const EVIDENCE_FEEDBACK_MAX = 2000;
export const JUDGEMENT_NOTE_MAX = 2000;

const ItemCode = z.string().trim().min(1).max(100);

/**
 * A piece of evidence as its author writes it. Item codes are checked against the catalogue and the
 * date against the clock by the use-case, which can see both.
 */
export const EvidenceInput = z.strictObject({
  kind: EvidenceKind,
  title: z.string().trim().min(1, 'Enter a title').max(EVIDENCE_TITLE_MAX, `Title must be ${EVIDENCE_TITLE_MAX} characters or fewer`),
  occurredOn: EnteredDate,
  body: z.string().max(EVIDENCE_BODY_MAX, `Text must be ${EVIDENCE_BODY_MAX} characters or fewer`),
  claims: z
    .array(ItemCode)
    .max(EVIDENCE_CLAIMS_MAX, `Claim ${EVIDENCE_CLAIMS_MAX} items or fewer`)
    .refine((codes) => new Set(codes).size === codes.length, 'Claim each item once'),
});
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const ClaimOutcome = z.enum(['accepted', 'returned']);
export type ClaimOutcome = z.infer<typeof ClaimOutcome>;

/** One decision on one claimed item; returning a claim needs feedback the author can act on. */
export const ClaimDecision = z
  .strictObject({
    itemCode: ItemCode,
    outcome: ClaimOutcome,
    feedback: z.string().trim().max(EVIDENCE_FEEDBACK_MAX, `Feedback must be ${EVIDENCE_FEEDBACK_MAX} characters or fewer`).optional(),
  })
  .refine((d) => d.outcome !== 'returned' || (d.feedback ?? '').length > 0, {
    message: 'Give feedback when you return a claim',
    path: ['feedback'],
  });
export type ClaimDecision = z.infer<typeof ClaimDecision>;

/** The manager's (or assessor's) decisions on the claims of one piece of evidence. */
export const EvidenceDecision = z.strictObject({ decisions: z.array(ClaimDecision).min(1, 'Decide on each claimed item') });
export type EvidenceDecision = z.infer<typeof EvidenceDecision>;

/** A judgement a manager records directly from an observation. */
export const ObservationJudgement = z.strictObject({
  itemCode: ItemCode,
  value: z.enum(['not-started', 'developing', 'met']),
  note: z.string().trim().max(JUDGEMENT_NOTE_MAX, `Note must be ${JUDGEMENT_NOTE_MAX} characters or fewer`).default(''),
});
export type ObservationJudgement = z.infer<typeof ObservationJudgement>;
