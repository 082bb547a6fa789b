import { z } from 'zod';

/** The building blocks of every framework file: provenance, nations, phases, notes and quotations, item kinds. */

export const seedFileName = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'a seed file name such as 003_02d8b21ed1d9710a.txt');

/** Where a piece of reference data comes from: a seed document, Pathways' own reasoning, or an import. */
export const Provenance = z.union([
  z.strictObject({ seed: seedFileName, section: z.string().min(1) }),
  z.strictObject({ origin: z.literal('pathways'), reason: z.string().min(10), source: z.url().optional() }),
  z.strictObject({ origin: z.literal('import'), format: z.enum(['ifate', 'case']), reference: z.string().min(1) }),
]);
export type Provenance = z.infer<typeof Provenance>;

export const Nation = z.enum(['England', 'Wales', 'Scotland', 'Northern Ireland']);
export type Nation = z.infer<typeof Nation>;

/** School phases (also used by requirements that apply only in some phases, e.g. primary QTS science). */
export const Phase = z.enum([
  'nursery',
  'primary',
  'secondary',
  'all-through',
  'special',
  'alternative-provision',
  'further-education',
  'other',
]);
export type Phase = z.infer<typeof Phase>;

/**
 * The phase of the teacher-training course a person chooses (a goal option, not their school's
 * phase): the ITT criteria ask for GCSE science only of those training to teach in the primary phase.
 */
export const TrainingPhase = z.enum(['primary', 'secondary']);
export type TrainingPhase = z.infer<typeof TrainingPhase>;

export const Strength = z.enum(['required', 'indicative']);
export type Strength = z.infer<typeof Strength>;

/** A note recorded against a framework or an item: a discrepancy in a seed, or how the world has moved on. */
export const Note = z.strictObject({
  kind: z.enum(['discrepancy', 'supersession', 'context', 'inference']),
  text: z.string().min(1),
  provenance: Provenance,
});
export type Note = z.infer<typeof Note>;

/** A list of verbatim lines from one place in a seed (bullets, job titles, CPD suggestions). */
export const QuotedList = z.strictObject({ items: z.array(z.string().min(1)).min(1), provenance: Provenance });
export type QuotedList = z.infer<typeof QuotedList>;

export const Quote = z.strictObject({ text: z.string().min(1), provenance: Provenance });
export type Quote = z.infer<typeof Quote>;

export const ItemKind = z.enum([
  'group',
  'duty',
  'standard',
  'knowledge',
  'skill',
  'behaviour',
  'nos-unit',
  'training-module',
  'partnership-teacher-kind',
]);
export type ItemKind = z.infer<typeof ItemKind>;

export const StatusKind = z.enum(['school-recognition', 'external-assessment']);
export type StatusKind = z.infer<typeof StatusKind>;

export const QualificationLevel = z.union([z.enum(['E1', 'E2', 'E3']), z.number().int().min(1).max(8)]);
export type QualificationLevel = z.infer<typeof QualificationLevel>;

/** A code of an item, role or qualification. */
export const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'a code of letters, digits, dots, dashes or underscores');
