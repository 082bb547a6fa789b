import { parseDocument } from 'yaml';
import { z } from 'zod';

/** Relative weights keyed by a name (a role, a phase, a qualification id). */
const Weights = z.record(z.string().min(1), z.number().nonnegative()).refine((w) => Object.values(w).some((v) => v > 0), {
  message: 'give at least one positive weight',
});
const Share = z.number().min(0).max(1);
const Range = z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).refine((r) => r.min <= r.max, {
  message: 'min must not exceed max',
});
const Scale = z.strictObject({ schools: z.number().int().positive(), staff: z.number().int().positive(), phases: Weights });
const SchemeGrades = z.strictObject({
  scheme: z.string().min(1),
  level2: z.array(z.string().min(1)).min(1),
  below: z.array(z.string().min(1)),
});
const NationSchemes = z.strictObject({ schoolLeaving: SchemeGrades, adult: SchemeGrades });
const RolePortfolio = z.strictObject({ strength: Share, coverage: Share });

/** The proportions file (workforce-proportions.yaml): every weight the workforce generator draws from. */
export const WorkforceProportions = z.strictObject({
  scales: z.strictObject({ school: Scale, trust: Scale }),
  nations: z.strictObject({ weights: Weights, source: z.string(), singleSchool: z.string().min(1) }),
  schoolSize: z.strictObject({ weights: Weights, reason: z.string() }),
  lineManagement: z.strictObject({ teamSize: z.number().int().positive(), reason: z.string() }),
  roles: z.strictObject({
    mainstream: Weights,
    special: Weights,
    byPhase: z.record(z.string(), z.enum(['mainstream', 'special'])),
    reason: z.string(),
    source: z.string(),
  }),
  apprentices: z.strictObject({ roles: z.record(z.string(), Share), reason: z.string() }),
  apprenticeships: z.strictObject({
    enrolled: z.record(z.string(), Share),
    programmes: Weights,
    monthsWhereDataHasNone: z.number().int().positive(),
    statuses: z.strictObject({
      on_programme: z.number().nonnegative(),
      break_in_learning: z.number().nonnegative(),
      withdrawn: z.number().nonnegative(),
      at_gateway: z.number().nonnegative(),
      in_assessment: z.number().nonnegative(),
      completed: z.number().nonnegative(),
    }),
    grades: z.array(z.string().min(1)).min(1),
    reason: z.string(),
  }),
  qualifications: z.object({ reason: z.string() }).catchall(Weights),
  degreeCredits: z.object({ reason: z.string() }).catchall(z.number().int().nonnegative()),
  englishMathsLevel2: z.object({ reason: z.string() }).catchall(Share),
  subjectSchemes: z.object({ schoolLeavingShare: Share }).catchall(NationSchemes),
  hltaStatus: z.record(z.string(), Share),
  portfolio: z.strictObject({
    roles: z.record(z.string(), RolePortfolio),
    clusterSpread: z.number().nonnegative(),
    itemSpread: z.number().nonnegative(),
    history: Share,
    fromEvidence: Share,
    awaiting: Range,
    drafts: Range,
    claimsPerEvidence: Range,
    returned: Share,
    cpdPerPerson: Range,
    dutyProfiles: Share,
    aboveGrade: Share,
    reason: z.string(),
  }),
  training: z.strictObject({
    expired: z.number().nonnegative(),
    within30: z.number().nonnegative(),
    within60: z.number().nonnegative(),
    within90: z.number().nonnegative(),
    missing: z.number().nonnegative(),
    inDate: z.number().nonnegative(),
    asNeededShare: Share,
    reason: z.string(),
  }),
});
export type WorkforceProportions = z.infer<typeof WorkforceProportions>;

export type PortfolioDepth = z.infer<typeof RolePortfolio>;

/** The weights of one keyed table without its `reason` (the YAML keeps the reasoning beside the numbers). */
export const weightsOf = (table: Record<string, unknown>): Record<string, number> =>
  Object.fromEntries(Object.entries(table).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));

/** Parses the proportions file's text; a malformed file is refused naming the path and the reason. */
export const parseWorkforceProportions = (file: string, text: string): WorkforceProportions => {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`${file} is not valid YAML: ${document.errors[0]?.message}`);
  const parsed = WorkforceProportions.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return parsed.data;
};
