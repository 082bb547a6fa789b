import type { GoalOptions, PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { contextFor } from './gap.ts';
import { type Blocker, type PlanEnv, planTarget, type Sim } from './route-planning.ts';
import { compareCost, costOf, durationNoteOf, headlineOf } from './route-ranking.ts';
import { holdsTarget, type RouteStep } from './route-steps.ts';
import { pruneSteps } from './route-validity.ts';
import { heldTitle, mergeSubjectSteps, suitsPhase, withStatusItems } from './route-yields.ts';
import { findTarget, rulesOf, type Target, titleOf } from './targets.ts';

export type { RouteStep } from './route-steps.ts';

/** One way to the goal: ordered steps (done and to do) with the known totals. */
export type Route = {
  /** The progression-graph path the route follows, ending at the goal. */
  path: string[];
  steps: RouteStep[];
  /** Sum of the months known for the steps to do (steps of unknown length add nothing here: see `unknownDurations`). */
  totalMonths: number;
  totalHours: number;
  /** Steps to do whose length is unknown. */
  unknownDurations: number;
  /** "21 months known + 3 steps of unknown length", or "45 months" when every length is known. */
  headline: string;
  /** How the lengths were worked out: full-time figures, part-time forms or months derived from learning hours. */
  durationNote: string;
};

export type RoutePlan = {
  goal: Target;
  option?: string;
  /** The person already holds the goal and meets its rules. */
  reached: boolean;
  routes: Route[];
  /** When no route exists: which requirement cannot be reached, and why. */
  unreachable: Blocker[];
  /**
   * Routes not open to the person: a target on the way whose rule excludes them (a `not` rule: the
   * teacher degree apprenticeship is only for people without a degree), with the rule and the reason.
   */
  notOpen: NotOpen[];
};

/** A target a rule keeps the person out of (its id and title), the rule, and why ("only for people without a degree"). */
export type NotOpen = { id: string; target: string; requirement: string; reason: string };

export type RouteOptions = GoalOptions & { maxRoutes?: number; maxDepth?: number; maxPaths?: number };

/**
 * Paths through the `precedes` graph ending at the goal. A `required` edge (the default) must be
 * walked; an `indicative` one names a typical previous step, not a needed one, so the path that
 * enters the node directly is offered too (a TA2 need not take up a TA5 post to start a Foundation
 * Degree). The walk back stops at a node the person holds, and offers a stop at a node with
 * required rules; it never walks through a qualification meant for another school phase.
 */
const pathsTo = (goal: string, state: PersonState, catalogue: Catalogue, maxDepth: number, maxPaths: number): string[][] => {
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= maxPaths) return;
    const path = [node, ...suffix];
    const edges = catalogue.associations({ type: 'precedes', to: node }).filter((a) => {
      if (path.includes(a.from)) return false;
      const held = holdsTarget(a.from, state, catalogue);
      // A typical previous role is a place to start from, never a post to take up on the way.
      if ((a.strength ?? 'required') === 'indicative' && catalogue.role(a.from) && !held) return false;
      return held || suitsPhase(a.from, state, catalogue);
    });
    const predecessors = [...new Set(edges.map((a) => a.from))];
    const hasRules = rulesOf(node, catalogue).some((r) => (r.requirement.strength ?? 'required') === 'required');
    const mustWalk = edges.some((a) => (a.strength ?? 'required') === 'required');
    if (holdsTarget(node, state, catalogue) || predecessors.length === 0 || path.length > maxDepth) {
      paths.push(path);
      return;
    }
    if (hasRules || !mustWalk) paths.push(path);
    for (const p of predecessors) walk(p, path);
  };
  walk(goal, []);
  return paths;
};

const planPath = (path: string[], state: PersonState, env: PlanEnv): { ok: true; route: Route } | { ok: false; blockers: Blocker[] } => {
  let sim: Sim = { state, steps: [], visiting: [] };
  const { catalogue } = env;
  const [first] = path;
  if (first && holdsTarget(first, state, catalogue)) {
    const title = titleOf(first, catalogue);
    sim = {
      ...sim,
      steps: [
        {
          id: first,
          kind: kindOf(first, catalogue),
          status: 'done',
          title: heldTitle(first, state, catalogue, title),
          why: 'where you are now',
          duration: 'done',
        },
      ],
    };
  }
  for (const [i, node] of path.entries()) {
    const next = path[i + 1];
    const why = next ? `leads to ${titleOf(next, catalogue)}` : 'the goal';
    const planned = planTarget(node, why, sim, env);
    if (!planned.ok) return planned;
    sim = planned.sim;
  }
  const steps = pruneSteps(mergeSubjectSteps(sim.steps, catalogue), path, state, env);
  const cost = costOf(steps);
  return {
    ok: true,
    route: {
      path,
      steps,
      totalMonths: cost.months,
      totalHours: cost.hours,
      unknownDurations: cost.unknown,
      headline: headlineOf(cost),
      durationNote: durationNoteOf(steps, state.hoursPerWeekForStudy),
    },
  };
};

const kindOf = (id: string, catalogue: Catalogue): RouteStep['kind'] => {
  const type = catalogue.entry(id)?.type;
  return type === 'role' || type === 'status' || type === 'qualification' ? type : 'achievement';
};

const startsWhereYouAre = (r: Route) => r.steps[0]?.status === 'done' && r.steps[0].id === r.path[0];
const todoIds = (route: Route) => new Set(route.steps.filter((s) => s.status === 'todo').map((s) => s.id));
const isStrictSubset = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((x) => b.has(x));

/** A programme on the route's path that leads straight into a role: the training the data names for that post. */
const trainsForRole = (r: Route, id: string, catalogue: Catalogue) => {
  const next = r.path[r.path.indexOf(id) + 1];
  return r.path.includes(id) && catalogue.qualification(id) !== undefined && next !== undefined && catalogue.role(next) !== undefined;
};

/**
 * Whether `other` makes `r` redundant: it does strictly less, and what `r` does on top is not the
 * training the data names for a post (the ST1414 apprenticeship into the Specialist teaching
 * assistant role stays as an alternative to taking up the post directly).
 */
const coveredBy = (r: Route, other: Route, catalogue: Catalogue) => {
  const mine = todoIds(r);
  const theirs = todoIds(other);
  if (!isStrictSubset(theirs, mine)) return false;
  return [...mine].filter((id) => !theirs.has(id)).every((id) => !trainsForRole(r, id, catalogue));
};

/**
 * Route planning: the best few ways from the person's state to a goal (role, status or
 * qualification), each as ordered steps with hours and months where the data knows them. Routes
 * with every length known come first, by total; routes with steps of unknown length after them
 * (see route-ranking.ts), so an unknown length never makes a route look shorter. Routes that do
 * strictly more than another are dropped, so every step of a returned route is needed. No route:
 * the blocking requirements.
 */
export const route = (given: PersonState, goalId: string, catalogue: Catalogue, options: RouteOptions = {}): RoutePlan => {
  const goal = findTarget(goalId, catalogue);
  const context = contextFor(given, options);
  // A held status counts as the standards its award asks for (HLTA status: the 33 standards).
  const state = withStatusItems(given, catalogue, context);
  const env: PlanEnv = { catalogue, context, original: state };
  const base = { goal, ...(context.option ? { option: context.option } : {}) };
  const direct = planTarget(goalId, 'the goal', { state, steps: [], visiting: [] }, env);
  if (holdsTarget(goalId, state, catalogue) || (direct.ok && direct.sim.steps.every((s) => s.status === 'done'))) {
    return { ...base, reached: true, routes: [], unreachable: [], notOpen: [] };
  }
  const planned = pathsTo(goalId, state, catalogue, options.maxDepth ?? 8, options.maxPaths ?? 64).map((path) =>
    planPath(path, state, env),
  );
  const found = planned.flatMap((p) => (p.ok ? [p.route] : []));
  // Of routes with the same steps to do, keep the one that starts from where the person is (a done step).
  const byTodo = new Map<string, Route>();
  for (const r of found) {
    const key = [...todoIds(r)].sort().join('|');
    const kept = byTodo.get(key);
    if (!kept || (!startsWhereYouAre(kept) && startsWhereYouAre(r))) byTodo.set(key, r);
  }
  const unique = [...byTodo.values()];
  const minimal = unique.filter((r) => !unique.some((other) => other !== r && coveredBy(r, other, catalogue)));
  const routes = minimal
    .sort((a, b) => compareCost(costOf(a.steps), costOf(b.steps)) || a.path.length - b.path.length)
    .slice(0, options.maxRoutes ?? 3);
  const blockers = routes.length > 0 ? [] : planned.flatMap((p) => (p.ok ? [] : p.blockers));
  const unreachable = [...new Map(blockers.map((b) => [`${b.requirement}|${b.reason}`, b])).values()];
  const closed = planned.flatMap((p) => (p.ok ? [] : p.blockers)).concat(direct.ok ? [] : direct.blockers);
  const notOpen = [
    ...new Map(
      closed.flatMap((b): [string, NotOpen][] =>
        b.notOpen && b.closes
          ? [[b.closes, { id: b.closes, target: titleOf(b.closes, catalogue), requirement: b.requirement, reason: b.reason }]]
          : [],
      ),
    ).values(),
  ];
  return { ...base, reached: false, routes, unreachable, notOpen };
};
