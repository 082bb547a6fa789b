import { z } from 'zod';
import { TrainingAppliesTo, TrainingKindChange } from '../portfolio/training.ts';

/** Request and response contracts of the mandatory-training API. */

export { NewTrainingKind, TrainingRecordInput, TrainingViewQuery } from '../portfolio/training.ts';

export const OrganisationParams = z.object({ id: z.uuid() });
export const PersonParams = z.object({ id: z.uuid() });
/** `kindId` is checked after authorization, so a refused caller never learns whether it exists. */
export const KindParams = z.object({ id: z.uuid(), kindId: z.string().max(100) });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cellStatus = z.enum(['missing', 'expired', 'expiring', 'valid', 'not-required']);

export const TrainingKindJson = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  validityMonths: z.number().int().nullable(),
  appliesTo: TrainingAppliesTo,
  retired: z.boolean(),
  source: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});

export const TrainingKindsJson = z.object({ trustId: z.uuid(), kinds: z.array(TrainingKindJson) });

/** A change to a kind: its period (null = never expires), and optionally its title, who needs it, or retirement. */
export const TrainingKindUpdate = TrainingKindChange.extend({ retired: z.boolean().optional() });

export const TrainingRecordJson = z.object({
  id: z.uuid(),
  kindId: z.uuid(),
  completedOn: isoDate,
  expiresOn: isoDate.nullable(),
  provider: z.string().nullable(),
  recordedBy: z.uuid(),
  recordedAt: z.string(),
});

export const TrainingStatusJson = z.object({
  status: cellStatus,
  expiresOn: isoDate.nullable().optional(),
  daysLeft: z.number().int().optional(),
  window: z.number().int().optional(),
  daysOverdue: z.number().int().optional(),
});

export const PersonTrainingJson = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  today: isoDate,
  canRecord: z.boolean(),
  kinds: z.array(
    z.object({
      kind: TrainingKindJson,
      status: TrainingStatusJson,
      latest: TrainingRecordJson.nullable(),
      history: z.array(TrainingRecordJson),
    }),
  ),
});

export const SchoolTrainingJson = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['trust', 'school', 'provider']) }),
  today: isoDate,
  window: z.number().int(),
  kindId: z.uuid().nullable(),
  counts: z.record(cellStatus, z.number().int()),
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      training: z.array(z.object({ kindId: z.uuid(), status: cellStatus, completedOn: isoDate.nullable(), expiresOn: isoDate.nullable() })),
    }),
  ),
  truncatedAt: z.number().int(),
});
