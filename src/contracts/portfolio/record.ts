import { z } from 'zod';

/**
 * A person's whole portfolio in one machine-readable document: the export behind the UK GDPR
 * data-portability right. Published as JSON Schema (draft 2020-12) at /api/schemas/portfolio-record.json;
 * `schemaVersion` changes whenever a field changes meaning or is removed.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
const instant = z.iso.datetime({ offset: true });

export const RecordPerson = z.strictObject({
  id: z.guid(),
  givenName: z.string(),
  familyName: z.string(),
  workEmail: z.string().nullable(),
  jobTitle: z.string().nullable(),
  gradedRole: z.string().nullable(),
  school: z.strictObject({ id: z.guid(), name: z.string() }),
  startDate: date.nullable(),
  ehcpOrStatement: z.boolean(),
  bslQualification: z.boolean(),
});

export const RecordAchievement = z.strictObject({
  id: z.guid(),
  kind: z.enum(['qualification', 'unit', 'subject', 'degree', 'status']),
  /** As recorded (see the achievement contract): title, level, grade, credits… */
  details: z.record(z.string(), z.unknown()),
  achievedOn: date.nullable(),
  recordedAt: instant,
  removedAt: instant.nullable(),
});

export const RecordJudgementEntry = z.strictObject({
  value: z.enum(['not-started', 'developing', 'met']),
  source: z.enum(['evidence', 'observation']),
  evidenceId: z.guid().nullable(),
  evidenceTitle: z.string().nullable(),
  note: z.string().nullable(),
  judgedBy: z.string(),
  judgedAt: instant,
});

export const RecordJudgement = z.strictObject({
  itemCode: z.string(),
  /** The item's wording (its statement from the framework), or the code where the catalogue has none. */
  itemTitle: z.string(),
  current: RecordJudgementEntry,
  /** Every judgement of the item, newest first (the first is the current one). */
  history: z.array(RecordJudgementEntry),
});

export const RecordAttachment = z.strictObject({
  id: z.guid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: instant,
});

export const RecordEvidence = z.strictObject({
  id: z.guid(),
  kind: z.string(),
  title: z.string(),
  occurredOn: date,
  body: z.string(),
  status: z.enum(['draft', 'submitted', 'decided']),
  createdAt: instant,
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  claims: z.array(
    z.strictObject({
      itemCode: z.string(),
      status: z.enum(['claimed', 'accepted', 'returned']),
      feedback: z.string().nullable(),
      decidedAt: instant.nullable(),
    }),
  ),
  attachments: z.array(RecordAttachment),
});

export const RecordCpdActivity = z.strictObject({
  id: z.guid(),
  status: z.enum(['planned', 'done']),
  title: z.string(),
  provider: z.string().nullable(),
  kind: z.string(),
  occurredOn: date.nullable(),
  minutes: z.number().int().min(0),
  itemCodes: z.array(z.string()),
  reflection: z.string(),
});

export const RecordReview = z.strictObject({
  id: z.guid(),
  academicYear: z.string().regex(/^\d{4}\/\d{2}$/),
  stage: z.enum(['objectives', 'mid-year', 'end-of-year', 'signed-off']),
  outcome: z.string().nullable(),
  staffSignedAt: instant.nullable(),
  reviewerSignedAt: instant.nullable(),
  objectives: z.array(z.strictObject({ id: z.guid(), title: z.string(), description: z.string(), itemCodes: z.array(z.string()) })),
  comments: z.array(
    z.strictObject({
      stage: z.enum(['mid-year', 'end-of-year']),
      side: z.enum(['staff', 'reviewer']),
      objectiveId: z.guid().nullable(),
      body: z.string(),
      writtenAt: instant,
    }),
  ),
});

export const RecordTraining = z.strictObject({
  id: z.guid(),
  kindCode: z.string(),
  kindTitle: z.string(),
  completedOn: date,
  expiresOn: date.nullable(),
  provider: z.string().nullable(),
});

export const PORTFOLIO_RECORD_VERSION = 1;

export const PortfolioRecord = z.strictObject({
  schemaVersion: z.literal(PORTFOLIO_RECORD_VERSION),
  exportedAt: instant,
  person: RecordPerson,
  achievements: z.array(RecordAchievement),
  judgements: z.array(RecordJudgement),
  evidence: z.array(RecordEvidence),
  cpd: z.strictObject({
    activities: z.array(RecordCpdActivity),
    /** Minutes of done activities per academic year (1 September – 31 August), newest first. */
    totalsByAcademicYear: z.array(z.strictObject({ academicYear: z.string(), minutes: z.number().int().min(0) })),
  }),
  reviews: z.array(RecordReview),
  training: z.array(RecordTraining),
  hltaEvidenceFile: z.array(z.strictObject({ standardCode: z.string(), evidenceIds: z.array(z.guid()) })),
});
export type PortfolioRecord = z.infer<typeof PortfolioRecord>;

/** The record's JSON Schema (draft 2020-12), as published. */
export const portfolioRecordJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(PortfolioRecord, { target: 'draft-2020-12' }),
  $id: 'portfolio-record.json',
  title: 'Pathways portfolio record',
});
