import { z } from 'zod';
import { EnteredDate, isRealIsoDate } from '../dates.ts';

/** The kinds of CPD activity, in the order the form offers them. */
export const cpdKinds = [
  'course',
  'qualification-unit',
  'in-school-training',
  'coaching',
  'mentoring',
  'observation',
  'reading',
  'conference',
] as const;
export const CpdKind = z.enum(cpdKinds, { error: 'Choose what kind of activity it was' });
export type CpdKind = z.infer<typeof CpdKind>;

/** Human labels of the CPD kinds, for forms, lists and exports. */
export const cpdKindLabels: Record<CpdKind, string> = {
  course: 'Course',
  'qualification-unit': 'QCF/RQF unit',
  'in-school-training': 'In-school training',
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  observation: 'Observation',
  reading: 'Reading',
  conference: 'Conference',
};

export const CpdStatus = z.enum(['planned', 'done']);
export type CpdStatus = z.infer<typeof CpdStatus>;

export const CPD_TITLE_MAX = 200;
export const CPD_PROVIDER_MAX = 200;
export const CPD_REFLECTION_MAX = 10_000;
export const CPD_ITEMS_MAX = 40;
/** One activity of at most a thousand hours: more is a typing slip, not CPD. */
export const CPD_MINUTES_MAX = 60_000;

const ItemCodes = z
  .array(z.string().trim().min(1).max(100))
  .max(CPD_ITEMS_MAX, `Link ${CPD_ITEMS_MAX} items or fewer`)
  .refine((codes) => new Set(codes).size === codes.length, 'Link each item once');

/**
 * A CPD activity as the API takes it: time in whole minutes. A done activity needs its date; a
 * planned one may have none yet. Item codes are checked against the catalogue by the use-case.
 */
export const CpdInput = z
  .strictObject({
    title: z.string().trim().min(1, 'Enter a title').max(CPD_TITLE_MAX, `Title must be ${CPD_TITLE_MAX} characters or fewer`),
    provider: z
      .string()
      .trim()
      .max(CPD_PROVIDER_MAX, `Provider must be ${CPD_PROVIDER_MAX} characters or fewer`)
      .nullish()
      .transform((v) => (v ? v : null)),
    kind: CpdKind,
    status: CpdStatus,
    occurredOn: EnteredDate.nullish().transform((v) => v ?? null),
    minutes: z
      .number()
      .int('Time must be whole minutes')
      .min(0, 'Time cannot be negative')
      .max(CPD_MINUTES_MAX, 'Time must be 1000 hours or less'),
    itemCodes: ItemCodes.default([]),
    reflection: z.string().max(CPD_REFLECTION_MAX, `Reflection must be ${CPD_REFLECTION_MAX} characters or fewer`).default(''),
  })
  .refine((a) => a.status === 'planned' || a.occurredOn !== null, { message: 'Enter the date of the activity', path: ['occurredOn'] });
export type CpdInput = z.output<typeof CpdInput>;

const wholeNumberIn = (value: string, field: string, max: number, path: string, ctx: z.RefinementCtx): number => {
  const text = value.trim();
  if (text === '') return 0;
  if (!/^\d+$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `${field} must be a whole number`, path: [path] });
    return 0;
  }
  const n = Number(text);
  if (n > max) ctx.addIssue({ code: 'custom', message: `${field} must be ${max} or fewer`, path: [path] });
  return n;
};

const calendarDateIn = (day: string, month: string, year: string, ctx: z.RefinementCtx): string | null => {
  const parts = [day.trim(), month.trim(), year.trim()];
  if (parts.every((p) => p === '')) return null;
  const [d, m, y] = parts.map(Number);
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // A real date before 1900 or far ahead passes here: `CpdInput`'s date contract says why it is refused.
  if (!parts.every((p) => /^\d{1,4}$/.test(p)) || !isRealIsoDate(iso)) {
    ctx.addIssue({ code: 'custom', message: 'Enter a real date, for example 27 3 2026', path: ['occurredOn'] });
    return null;
  }
  return iso;
};

const field = z.string().default('');

/**
 * The web form's fields: the GOV.UK date input's day/month/year and time as hours and minutes,
 * turned into a `CpdInput` shape (the use-case parses that once more with `CpdInput`). Every field
 * is checked, so the form shows all its problems at once.
 */
export const CpdForm = z
  .object({
    title: field,
    provider: field,
    kind: field,
    status: z.string().default('done'),
    'occurredOn-day': field,
    'occurredOn-month': field,
    'occurredOn-year': field,
    hours: field,
    minutes: field,
    itemCodes: z.union([z.string(), z.array(z.string())]).default([]),
    reflection: field,
  })
  .transform((f, ctx) => {
    const occurredOn = calendarDateIn(f['occurredOn-day'], f['occurredOn-month'], f['occurredOn-year'], ctx);
    const hours = wholeNumberIn(f.hours, 'Hours', 1000, 'hours', ctx);
    const minutes = wholeNumberIn(f.minutes, 'Minutes', 59, 'minutes', ctx);
    const candidate = {
      title: f.title,
      provider: f.provider,
      kind: f.kind,
      status: f.status,
      occurredOn,
      minutes: hours * 60 + minutes,
      itemCodes: (Array.isArray(f.itemCodes) ? f.itemCodes : f.itemCodes.split(/[\s,]+/)).map((c) => c.trim()).filter((c) => c.length > 0),
      reflection: f.reflection,
    };
    // The other fields' problems are reported alongside these, not after them; a field already
    // reported above (an unreal date, hours or minutes) is not reported twice.
    const rest = CpdInput.safeParse(candidate);
    const reported = new Set(ctx.issues?.map((i) => String(i.path?.[0] ?? '')) ?? []);
    if (!rest.success) {
      for (const issue of rest.error.issues) {
        const where = String(issue.path[0] ?? '');
        const already = where === 'minutes' ? reported.has('hours') || reported.has('minutes') : reported.has(where);
        if (!already) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.map(String) });
      }
    }
    return candidate;
  });

/** A CPD activity as stored and shown. */
export type CpdActivity = {
  id: string;
  personId: string;
  status: CpdStatus;
  title: string;
  provider: string | null;
  kind: CpdKind;
  occurredOn: string | null;
  minutes: number;
  itemCodes: string[];
  reflection: string;
  suggestedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};
