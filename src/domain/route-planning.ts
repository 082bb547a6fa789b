import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { plannableFlags, type Requirement, type RequirementRule, type Strength } from '../framework/schema.ts';
import { qualificationLevelRank } from './achievements.ts';
import { creditsAtLevel } from './credits.ts';
import {
  type EvaluationContext,
  type EvaluationNode,
  evaluate,
  exclusionReason,
  flattenUnits,
  gradeInWords,
  whenApplies,
} from './requirements/index.ts';
import { compareCost, costOf } from './route-ranking.ts';
import { applyGrants, type Grants, holdsTarget, hoursPerCredit, type RouteStep, sizeOf, targetStep } from './route-steps.ts';
import { levelStepYield, suitsPhase } from './route-yields.ts';
import { rulesOf, titleOf } from './targets.ts';

/** A route being built: the simulated person after the steps so far, and the steps. */
export type Sim = { state: PersonState; steps: RouteStep[]; visiting: readonly string[] };
/**
 * A requirement that cannot be reached, and why. `notOpen` marks an unmet `not` rule, which keeps
 * the person out of a target (the teacher degree apprenticeship for a graduate); `closes` is its id.
 */
export type Blocker = { requirement: string; reason: string; notOpen?: true; closes?: string };
export type Planned = { ok: true; sim: Sim } | { ok: false; blockers: Blocker[] };
export type PlanEnv = { catalogue: Catalogue; context: EvaluationContext; original: PersonState };

type Leaf = Exclude<Requirement, { type: 'allOf' | 'anyOf' | 'atLeast' | 'when' | 'not' }>;

export { compareCost, costOf } from './route-ranking.ts';

const cheapest = (options: Planned[]): Extract<Planned, { ok: true }> | undefined =>
  options.filter((o): o is Extract<Planned, { ok: true }> => o.ok).sort((a, b) => compareCost(costOf(a.sim.steps), costOf(b.sim.steps)))[0];

const push = (sim: Sim, step: RouteStep, alreadyApplied = false): Sim =>
  sim.steps.some((s) => s.id === step.id && s.status === step.status)
    ? sim
    : { ...sim, state: alreadyApplied ? sim.state : applyGrants(sim.state, step.grants), steps: [...sim.steps, step] };

/** Why a rule's steps are on the route, in words: "to start Foundation Degree", "for a Teaching Assistant Level 3 post". */
const ruleWhy = (stage: RequirementRule['stage'], title: string, isRole: boolean): string =>
  ({
    entry: `to start ${title}`,
    hold: isRole ? `for ${/^[AEIOU]/i.test(title) ? 'an' : 'a'} ${title} post` : `to hold ${title}`,
    gateway: `before Gateway to Completion of ${title}`,
    award: `to be awarded ${title}`,
  })[stage];

/** Plans reaching a role, status or qualification: its required rules first, then the target itself. */
export const planTarget = (id: string, why: string, sim: Sim, env: PlanEnv): Planned => {
  if (holdsTarget(id, sim.state, env.catalogue)) return { ok: true, sim };
  if (sim.visiting.includes(id))
    return { ok: false, blockers: [{ requirement: id, reason: `${id} requires itself through ${sim.visiting.join(' → ')}` }] };
  let current: Sim = { ...sim, visiting: [...sim.visiting, id] };
  const title = titleOf(id, env.catalogue);
  const target = targetStep(id, why, env.catalogue, current.state);
  if (!target) return { ok: false, blockers: [{ requirement: id, reason: `${id} is not a role, status or qualification` }] };
  if (!suitsPhase(id, env.original, env.catalogue))
    return { ok: false, blockers: [{ requirement: title, reason: `${title} is meant for staff in other school phases than yours` }] };
  let applied = false;
  for (const rule of rulesOf(id, env.catalogue)) {
    if ((rule.requirement.strength ?? 'required') === 'indicative') continue;
    const why = ruleWhy(rule.stage, title, env.catalogue.role(id) !== undefined);
    current = withDoneSteps(rule.requirement, why, current, env);
    // What the programme itself gives (its credits) counts towards its own gateway and award rules.
    if ((rule.stage === 'award' || rule.stage === 'gateway') && !applied) {
      current = { ...current, state: applyGrants(current.state, target.grants) };
      applied = true;
    }
    const planned = planRequirement(rule.requirement, why, current, env, 'required');
    if (!planned.ok) return { ok: false, blockers: planned.blockers.map((b) => (b.notOpen && !b.closes ? { ...b, closes: id } : b)) };
    current = planned.sim;
  }
  return { ok: true, sim: { ...push(current, target, applied), visiting: sim.visiting } };
};

/** Adds, as done steps, the checklist lines of a rule the person already meets (before any planning). */
const withDoneSteps = (requirement: Requirement, why: string, sim: Sim, env: PlanEnv): Sim => {
  const units = flattenUnits(evaluate(requirement, env.original, env.catalogue, env.context));
  return units
    .filter((u) => u.status === 'met' && u.strength === 'required')
    .reduce(
      (acc, u) =>
        push(acc, {
          id: `met:${u.label}`,
          kind: 'achievement',
          status: 'done',
          title: u.label,
          why,
          duration: 'done',
          evidence: u.evidence,
        }),
      sim,
    );
};

/** Plans meeting a requirement from the simulated state; indicative requirements are advice and need no step. */
export const planRequirement = (req: Requirement, why: string, sim: Sim, env: PlanEnv, inherited: Strength): Planned => {
  const strength = req.strength ?? inherited;
  if (strength === 'indicative') return { ok: true, sim };
  const node = evaluate(req, sim.state, env.catalogue, env.context, strength);
  if (node.status === 'met') return { ok: true, sim };
  switch (req.type) {
    case 'allOf': {
      let current = sim;
      for (const child of req.of) {
        const planned = planRequirement(child, why, current, env, strength);
        if (!planned.ok) return planned;
        current = planned.sim;
      }
      return { ok: true, sim: current };
    }
    case 'when':
      return whenApplies(req, env.context) !== false ? planRequirement(req.require, why, sim, env, strength) : { ok: true, sim };
    case 'not': {
      // Nothing a route does takes away what the person holds: an unmet `not` closes the route
      // (the target's title is filled in by planTarget).
      const inner = node.children[0];
      return {
        ok: false,
        blockers: [{ requirement: node.label, reason: inner ? exclusionReason(inner) : 'it excludes you', notOpen: true }],
      };
    }
    case 'anyOf': {
      const options = req.of.map((child) => planRequirement(child, why, sim, env, strength));
      return cheapest(options) ?? { ok: false, blockers: options.flatMap((o) => (o.ok ? [] : o.blockers)) };
    }
    case 'atLeast': {
      let current = sim;
      for (let round = 0; round < req.of.length; round++) {
        if (evaluate(req, current.state, env.catalogue, env.context, strength).status === 'met') return { ok: true, sim: current };
        const options = req.of
          .map((child) => planRequirement(child, why, current, env, strength))
          .filter((o) => (o.ok ? o.sim.steps.length > current.steps.length : true));
        const best = cheapest(options);
        if (!best)
          return { ok: false, blockers: [{ requirement: node.label, reason: `fewer than ${req.count} of its parts can be reached` }] };
        current = best.sim;
      }
      return { ok: true, sim: current };
    }
    default:
      return planLeaf(req, node, why, sim, env);
  }
};

const achievement = (
  sim: Sim,
  id: string,
  node: EvaluationNode,
  why: string,
  grants: Grants,
  size = sizeOf({}, {}, sim.state),
  gives?: string[],
): Planned => ({
  ok: true,
  sim: push(sim, {
    id,
    kind: 'achievement',
    status: 'todo',
    title: node.action ?? node.label,
    why: `${why}: ${node.label}`,
    ...size,
    ...(gives ? { gives } : {}),
    grants,
  }),
});

const statusOrder = ['current', 'in-development', 'closed', 'superseded'];

/**
 * Qualifications that could meet a rule, for the person's phase; current frameworks first, so
 * that among equally costly options a closed or superseded one is chosen last.
 */
const providers = (env: PlanEnv, accept: (id: string) => boolean) =>
  env.catalogue
    .qualifications()
    .filter(({ qualification }) => accept(qualification.id) && suitsPhase(qualification.id, env.original, env.catalogue))
    .sort((a, b) => statusOrder.indexOf(a.framework.status) - statusOrder.indexOf(b.framework.status))
    .map(({ qualification }) => qualification.id);

const viaProviders = (ids: string[], node: EvaluationNode, why: string, sim: Sim, env: PlanEnv): Planned | undefined =>
  cheapest(ids.map((id) => planTarget(id, `${why}: ${node.label}`, sim, env)));

const planLeaf = (req: Leaf, node: EvaluationNode, why: string, sim: Sim, env: PlanEnv): Planned => {
  const { catalogue } = env;
  switch (req.type) {
    case 'qualification':
    case 'status':
    case 'role':
      return planTarget(req.id, `${why}: ${node.label}`, sim, env);
    case 'degree': {
      const via = viaProviders(
        providers(env, (id) => catalogue.qualification(id)?.kind === req.kind),
        node,
        why,
        sim,
        env,
      );
      return via ?? achievement(sim, `degree:${req.kind}`, node, why, { achievements: [{ degree: req.kind, credits: 0, level: 6 }] });
    }
    case 'qualificationAtLevel': {
      const rank = qualificationLevelRank(req.level);
      const fits = (id: string) => {
        const q = catalogue.qualification(id);
        return q !== undefined && qualificationLevelRank(q.level) >= rank && (!req.subject || q.subject === req.subject);
      };
      const candidates = providers(env, fits);
      const lowest = Math.min(...candidates.map((id) => qualificationLevelRank(catalogue.qualification(id)?.level ?? 8)));
      const via = viaProviders(
        candidates.filter((id) => qualificationLevelRank(catalogue.qualification(id)?.level ?? 8) === lowest),
        node,
        why,
        sim,
        env,
      );
      return (
        via ?? {
          ok: false,
          blockers: [
            {
              requirement: node.label,
              reason: `no qualification in the catalogue is at ${String(req.level)}${req.subject ? ` in ${req.subject}` : ''}`,
            },
          ],
        }
      );
    }
    case 'credits': {
      const have = creditsAtLevel(sim.state, req.level, catalogue);
      const needed = req.atLeast - have;
      const perCredit = hoursPerCredit(catalogue);
      const size = sizeOf(perCredit ? { hours: needed * perCredit } : {}, {}, sim.state);
      return achievement(
        sim,
        `credits:${req.level}`,
        node,
        why,
        { achievements: [{ units: [{ level: req.level, credits: needed }] }] },
        size,
      );
    }
    case 'subjectGrade': {
      const scheme =
        req.schemes.find((id) => catalogue.gradeScheme(id)?.grades.some((g) => g.grade === req.atLeast)) ?? req.schemes[0] ?? '';
      return achievement(
        sim,
        `subjectGrade:${req.subject}:${req.atLeast}`,
        node,
        why,
        { achievements: [{ subject: req.subject, scheme, grade: req.atLeast }] },
        undefined,
        [gradeInWords(catalogue.gradeScheme(scheme)?.title ?? scheme, req.subject, req.atLeast)],
      );
    }
    case 'subjectLevel': {
      // The step gives the least that meets the level (Functional Skills, not a GCSE): see route-yields.ts.
      const example = levelStepYield(req.subject, req.atLeast, env.context.nation ?? 'England', catalogue);
      if (!example)
        return { ok: false, blockers: [{ requirement: node.label, reason: `no grade scheme reaches ${req.atLeast} in ${req.subject}` }] };
      return achievement(
        sim,
        `subjectLevel:${req.subject}:${req.atLeast}`,
        node,
        why,
        { achievements: [{ subject: req.subject, scheme: example.scheme.id, grade: example.grade }] },
        undefined,
        [gradeInWords(example.scheme.title, req.subject, example.grade)],
      );
    }
    case 'itemsMet': {
      const missing = node.items?.missing ?? [];
      return achievement(sim, `itemsMet:${missing.join(',')}`, node, why, { judgements: missing });
    }
    case 'itemsWorkingTowards': {
      const items = node.items;
      const begun = (items?.met.length ?? 0) + (items?.developing.length ?? 0);
      const needed = Math.max(1, Math.ceil(((items?.total ?? 0) * req.begun.numerator) / req.begun.denominator)) - begun;
      const next = (items?.missing ?? []).filter((code) => !items?.developing.includes(code)).slice(0, Math.max(0, needed));
      return achievement(sim, `itemsWorkingTowards:${next.join(',')}`, node, why, { judgements: next });
    }
    case 'specialism':
      return achievement(sim, `specialism:${req.anyOf.join(',')}`, node, why, { specialisms: req.anyOf.slice(0, 1) });
    case 'flag':
      if (plannableFlags.includes(req.flag))
        return achievement(sim, `flag:${req.flag}`, node, why, { flags: [req.flag] }, undefined, [node.label]);
      return {
        ok: false,
        blockers: [{ requirement: node.label, reason: 'it depends on your circumstances, not on anything a route can plan' }],
      };
    case 'ageAtStart':
      return {
        ok: false,
        blockers: [{ requirement: node.label, reason: 'it depends on your age at the start, not on anything a route can plan' }],
      };
  }
};
