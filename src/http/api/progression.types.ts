import { z } from 'zod';
import { TrainingPhase } from '../../framework/schema.ts';

/** Request and response contracts of the progression API. States and duty profiles are checked against the catalogue by the use-cases, which name each JSON path. */

const Id = z.string().min(1).max(100);
const TrainingPhaseOption = TrainingPhase.optional().describe(
  'phase of the teacher-training course chosen (primary or secondary): QTS entry asks GCSE science for primary',
);

export const GapBody = z.strictObject({
  state: z
    .unknown()
    .describe('A PersonState (src/contracts/person-state.ts): role, phase, nation, achievements, judgements, specialisms, flags'),
  target: Id.describe('role, status or qualification id, e.g. TA5'),
  option: Id.optional().describe('apprenticeship option, e.g. SEND'),
  trainingPhase: TrainingPhaseOption,
});
export const RouteBody = z.strictObject({
  state: z.unknown().describe('A PersonState (src/contracts/person-state.ts)'),
  goal: Id.describe('role, status or qualification id, e.g. TEACHER_QTS'),
  option: Id.optional(),
  trainingPhase: TrainingPhaseOption,
});
export const RoleFitBody = z.strictObject({
  dutyProfile: z.unknown().describe('{ "currentRole": "TA2", "duties": { "TA4.D1": "regularly" | "occasionally" | "never" } }'),
});

export const PersonParams = z.object({ id: z.string().min(1).max(100) });
export const PersonDutyProfileParams = z.object({ id: z.string().min(1).max(100), dutyProfileId: z.string().min(1).max(100) });
export const PersonGapQuery = z.object({ target: Id, option: Id.optional(), trainingPhase: TrainingPhaseOption });
export const PersonRouteQuery = z.object({ goal: Id, option: Id.optional(), trainingPhase: TrainingPhaseOption });

const EvaluationNode = z.looseObject({ type: z.string(), status: z.enum(['met', 'partial', 'not-met']), label: z.string() });
const Target = z.object({ id: z.string(), title: z.string(), kind: z.enum(['role', 'status', 'qualification']) });

export const GapResult = z.looseObject({
  target: Target,
  option: z.string().optional(),
  trainingPhase: TrainingPhase.optional(),
  choices: z
    .array(z.object({ name: z.enum(['option', 'trainingPhase']), options: z.array(z.string()), text: z.string() }))
    .describe(
      'goal options the answer waits for, e.g. "choose an option: SEND specialist teaching assistant, …"; until chosen the gap is not ready',
    ),
  subjectTo: z.array(z.string()).describe('conditions the met rules carry, e.g. the provider accepting an equivalency test'),
  ready: z.boolean(),
  rules: z.array(z.looseObject({ id: z.string(), stage: z.string(), node: EvaluationNode })),
  counts: z.looseObject({ met: z.number(), partial: z.number(), missing: z.number() }),
  coverage: z.array(z.object({ framework: z.string(), title: z.string(), met: z.number(), developing: z.number(), total: z.number() })),
});

const RouteStep = z.looseObject({
  id: z.string(),
  status: z.enum(['done', 'todo']),
  title: z.string(),
  why: z.string(),
  duration: z.string(),
  durationSource: z
    .enum(['full-time', 'part-time', 'derived-from-hours', 'work-based', 'unknown'])
    .optional()
    .describe(
      'where the length comes from: full-time data, the part-time form, months derived from learning hours at the study hours a week, an apprenticeship',
    ),
  gives: z.array(z.string()).optional().describe('what the step gives, e.g. "Functional Skills English L2" (not a GCSE)'),
});
export const RoutePlanResult = z.looseObject({
  goal: Target,
  option: z.string().optional(),
  reached: z.boolean(),
  routes: z.array(
    z.looseObject({
      path: z.array(z.string()),
      steps: z.array(RouteStep),
      totalMonths: z.number().describe('months known for the steps to do; steps of unknown length add nothing (see unknownDurations)'),
      totalHours: z.number(),
      unknownDurations: z.number().describe('steps to do whose length is unknown; routes with none rank first'),
      headline: z.string().describe('"21 months known + 3 steps of unknown length", or "45 months" when every length is known'),
      durationNote: z.string().describe('full-time figures, part-time forms or months derived from learning hours'),
    }),
  ),
  unreachable: z.array(z.looseObject({ requirement: z.string(), reason: z.string() })),
});

export const RoleFitResult = z.object({
  currentRole: z.string(),
  currentLevel: z.number(),
  bestFit: z.object({ role: z.string(), level: z.number(), share: z.number() }).nullable(),
  gradeComparison: z.enum(['above', 'at', 'below']),
  aboveGrade: z.boolean(),
  dutiesAboveGrade: z.array(z.object({ code: z.string(), text: z.string(), roles: z.array(z.string()) })),
  profiles: z.array(
    z.object({
      role: z.string(),
      title: z.string(),
      track: z.string(),
      level: z.number(),
      coverage: z.object({ regularly: z.number(), occasionally: z.number(), never: z.number(), total: z.number(), share: z.number() }),
      reachesThreshold: z.boolean(),
    }),
  ),
  threshold: z.object({ numerator: z.number(), denominator: z.number(), share: z.number() }),
  warnings: z.array(z.string()),
  notice: z.string(),
});

const Person = z.object({ id: z.string(), name: z.string() });
const Basis = z.array(z.string()).describe('what the analysis was built from, and what is not stored yet');
export const PersonGapResult = z.object({ person: Person, basis: Basis, gap: GapResult });
export const PersonRouteResult = z.object({ person: Person, basis: Basis, plan: RoutePlanResult });

export const DutyProfileRecord = z.object({
  id: z.string(),
  currentRole: z.string(),
  duties: z.record(z.string(), z.enum(['never', 'occasionally', 'regularly'])),
  status: z.enum(['self-assessed', 'confirmed']),
  recordedBy: z.string(),
  confirmedBy: z.string().nullable(),
  recordedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export const PersonRoleFitResult = z.object({ person: Person, profile: DutyProfileRecord.nullable(), fit: RoleFitResult.nullable() });
export const DutyProfileHistory = z.object({ dutyProfiles: z.array(DutyProfileRecord) });
