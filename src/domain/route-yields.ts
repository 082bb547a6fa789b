import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { AdultLevel, type GradeScheme, type Nation, type Requirement, type Subject } from '../framework/schema.ts';
import { holdsQualification } from './achievements.ts';
import { codesOf, type EvaluationContext, subjectInWords } from './requirements/index.ts';
import type { RouteStep } from './route-steps.ts';
import { adultLevelName, adultLevelOf, adultLevelRank } from './subject-levels.ts';

/**
 * What route steps actually give. A step that asks for "Level 2 English" gives the least that
 * meets it (e.g. Functional Skills Level 2), never a GCSE that a later rule might want; a held
 * status gives the standards its award rule asks for.
 */

const walk = (req: Requirement): Requirement[] =>
  req.type === 'allOf' || req.type === 'anyOf' || req.type === 'atLeast'
    ? [req, ...req.of.flatMap(walk)]
    : req.type === 'when'
      ? [req, ...walk(req.require)]
      : [req];

const gradeRuleCounts = new WeakMap<Catalogue, Map<string, number>>();

/** How many `subjectGrade` rules in the catalogue list each grade scheme (how much a grade in it is accepted for). */
const schemeAcceptance = (catalogue: Catalogue): Map<string, number> => {
  const known = gradeRuleCounts.get(catalogue);
  if (known) return known;
  const counts = new Map<string, number>();
  for (const rule of catalogue.frameworks.flatMap((f) => f.requirements ?? []))
    for (const node of walk(rule.requirement))
      if (node.type === 'subjectGrade') for (const scheme of node.schemes) counts.set(scheme, (counts.get(scheme) ?? 0) + 1);
  gradeRuleCounts.set(catalogue, counts);
  return counts;
};

/**
 * The grade a step for "at least `atLeast` in `subject`" gives: the lowest grade reaching the level
 * in the scheme that the fewest grade rules accept (Functional Skills rather than GCSE), the
 * person's nation's schemes first. A route that later needs a GCSE plans the GCSE itself.
 */
export const levelStepYield = (
  subject: Subject,
  atLeast: AdultLevel,
  nation: Nation,
  catalogue: Catalogue,
): { scheme: GradeScheme; grade: string } | undefined => {
  const accepted = schemeAcceptance(catalogue);
  const schemes = catalogue.frameworks
    .flatMap((f) => f.gradeSchemes ?? [])
    .filter((s) => s.subjects.includes(subject))
    .map((scheme, order) => ({ scheme, order, home: scheme.nations.includes(nation) ? 0 : 1 }))
    .sort((a, b) => a.home - b.home || (accepted.get(a.scheme.id) ?? 0) - (accepted.get(b.scheme.id) ?? 0) || a.order - b.order);
  for (const { scheme } of schemes) {
    const lowest = scheme.grades.filter((g) => g.level !== null && adultLevelRank(g.level) >= adultLevelRank(atLeast)).at(-1);
    if (lowest) return { scheme, grade: lowest.grade };
  }
  return undefined;
};

const levelStep = (step: RouteStep): { subject: string; level: AdultLevel } | undefined => {
  const match = /^subjectLevel:([a-z]+):([A-Z0-9]+)$/.exec(step.id);
  const level = AdultLevel.safeParse(match?.[2]);
  return match?.[1] && level.success ? { subject: match[1], level: level.data } : undefined;
};

/** "Level 2 English" for the step `subjectLevel:english:L2`. */
const need = (step: RouteStep): string => {
  const l = levelStep(step);
  return l ? `${adultLevelName(l.level)} ${subjectInWords(l.subject)}` : step.title;
};

/**
 * Where a route asks first for a subject at a level (e.g. Level 2 English for an apprenticeship
 * gateway) and later for a GCSE grade in that subject (QTS entry) that also reaches the level,
 * takes the GCSE at the first point instead: one step that serves both, rather than a Functional
 * Skills course the later rule does not accept.
 */
export const mergeSubjectSteps = (steps: readonly RouteStep[], catalogue: Catalogue): RouteStep[] => {
  let out = [...steps];
  for (const later of steps) {
    if (later.status !== 'todo' || !later.id.startsWith('subjectGrade:')) continue;
    const grade = later.grants?.achievements?.find((a) => 'grade' in a);
    if (!grade || !('grade' in grade)) continue;
    const level = adultLevelOf(grade, catalogue);
    const at = out.indexOf(later);
    const earlier = out.findIndex((s, i) => {
      const need = s.status === 'todo' && i < at ? levelStep(s) : undefined;
      return need !== undefined && need.subject === grade.subject && level !== null && adultLevelRank(level) >= adultLevelRank(need.level);
    });
    const first = out[earlier];
    if (!first) continue;
    out = out.flatMap((s, i) =>
      i === earlier
        ? [
            {
              ...later,
              why: `${first.why}; and ${later.why}`,
              gives: [...(later.gives ?? []), `also meets ${need(first)}`],
            },
          ]
        : s === later
          ? []
          : [s],
    );
  }
  return out;
};

/**
 * The person as the route planner sees them: a held status counts as the items its award rule asks
 * to be met (HLTA status means the 33 standards were met), so no step asks for them again.
 */
export const withStatusItems = (state: PersonState, catalogue: Catalogue, context: EvaluationContext): PersonState => {
  const codes = state.achievements.flatMap((a) =>
    'status' in a
      ? catalogue
          .requirementsFor(a.status, 'award')
          .flatMap((rule) => walk(rule.requirement))
          .flatMap((node) => (node.type === 'itemsMet' ? codesOf(node, catalogue, context) : []))
      : [],
  );
  const missing = codes.filter((code) => state.judgements[code] !== 'met');
  return missing.length === 0
    ? state
    : { ...state, judgements: { ...state.judgements, ...Object.fromEntries(missing.map((code) => [code, 'met' as const])) } };
};

/** The title of a done "where you are now" step: what the person holds (their own role; the degree that counts for a programme). */
export const heldTitle = (id: string, state: PersonState, catalogue: Catalogue, title: string): string => {
  if (catalogue.role(id) && state.role && state.role !== id) return `${catalogue.role(state.role)?.title ?? state.role} held`;
  const q = catalogue.qualification(id);
  if (!q || state.achievements.some((a) => 'qualification' in a && a.qualification === id) || !holdsQualification(state, id, catalogue))
    return `${title} held`;
  const degree = state.achievements.find((a) => 'degree' in a && a.degree === q.kind);
  return degree && 'degree' in degree ? `${degree.degree.replace(/-/g, ' ')} (Level ${degree.level}) held` : `${title} held`;
};

/** Whether a qualification is meant for the person's school phase (no scope in the data: any phase). */
export const suitsPhase = (id: string, state: PersonState, catalogue: Catalogue): boolean => {
  const phases = catalogue.qualification(id)?.phases?.values;
  return !phases || phases.includes(state.phase);
};
