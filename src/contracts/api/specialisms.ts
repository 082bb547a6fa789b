import { z } from 'zod';
import { SPECIALISM_NOTE_MAX, SpecialismStatus } from '../portfolio/specialism.ts';

/** Request and response contracts of the specialisms API. */

export const PersonParams = z.object({ id: z.uuid() });
/** `specialismId` is checked after authorization, so a refused caller never learns whether it exists. */
export const SpecialismParams = z.object({ id: z.uuid(), specialismId: z.string().max(100) });

/** The whole set of specialisms the person provides (letters a–d as the framework data names them). */
export const SpecialismsBody = z.strictObject({ letters: z.array(z.string().max(10)).max(26) });

/** The line manager's decision; declining needs a note. */
export const SpecialismDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'decline']),
  note: z
    .string()
    .max(SPECIALISM_NOTE_MAX * 2)
    .optional(),
});

const Who = z.object({ userId: z.uuid(), name: z.string().nullable() });

export const SpecialismRecordJson = z.object({
  id: z.uuid(),
  letter: z.string(),
  status: SpecialismStatus,
  recordedBy: Who,
  recordedAt: z.string(),
  decidedBy: Who.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  withdrawnBy: Who.nullable(),
  withdrawnAt: z.string().nullable(),
});

export const PersonSpecialismsJson = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  specialisms: z.array(
    z.object({
      letter: z.string(),
      code: z.string(),
      text: z.string(),
      status: z.enum(['none', 'awaiting', 'confirmed']),
      recordId: z.uuid().nullable(),
    }),
  ),
  staffRecord: z.array(z.string()),
  history: z.array(SpecialismRecordJson),
  can: z.object({ record: z.boolean(), decide: z.boolean() }),
});

export const SpecialismsChangedJson = z.object({ recorded: z.array(z.string()), withdrawn: z.array(z.string()) });
