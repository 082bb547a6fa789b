import { z } from 'zod';

/**
 * Specialisms: the staff member records which of the NJC specialisms (a–d of the TA3–TA5 profiles)
 * they provide; their line manager confirms or declines each. Only confirmed ones count for the
 * progression rules, since the grade decision rests on the manager's confirmation.
 */

/** Where a recorded specialism stands. */
export const SpecialismStatus = z.enum(['awaiting', 'confirmed', 'declined', 'withdrawn']);
export type SpecialismStatus = z.infer<typeof SpecialismStatus>;

export const SPECIALISM_NOTE_MAX = 1000;

const Letter = z.string().regex(/^[a-z]$/, 'a specialism letter such as a');

/** The specialisms the person provides: the whole set, so a letter left out is withdrawn. */
export const SpecialismsInput = z.strictObject({
  letters: z.array(Letter).max(26).default([]),
});
export type SpecialismsInput = z.infer<typeof SpecialismsInput>;

/** The line manager's decision on one recorded specialism; declining needs a note saying why. */
export const SpecialismDecisionInput = z
  .strictObject({
    decision: z.enum(['confirm', 'decline'], { error: 'Choose whether to confirm or decline' }),
    note: z.string().trim().max(SPECIALISM_NOTE_MAX, `The note must be ${SPECIALISM_NOTE_MAX} characters or fewer`).optional(),
  })
  .refine((d) => d.decision === 'confirm' || (d.note !== undefined && d.note.length > 0), {
    path: ['note'],
    message: 'Say why the specialism is declined',
  });
export type SpecialismDecisionInput = z.infer<typeof SpecialismDecisionInput>;

/** Who did something to a record, by account and name. */
export type SpecialismActor = { userId: string; name: string | null };

/** One recorded specialism with its history: recorded, decided (with a note), withdrawn. */
export type SpecialismRecord = {
  id: string;
  personId: string;
  letter: string;
  status: SpecialismStatus;
  recordedBy: SpecialismActor;
  recordedAt: Date;
  decidedBy: SpecialismActor | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  withdrawnBy: SpecialismActor | null;
  withdrawnAt: Date | null;
};
