import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { contextFor } from './gap.ts';
import { progressionGraph } from './progression-graph.ts';
import { type Blocker, compareCost, costOf, type PlanEnv, planTarget, type Sim } from './route-planning.ts';
import { holdsTarget, type RouteStep } from './route-steps.ts';
import { pruneSteps } from './route-validity.ts';
import { findTarget, rulesOf, type Target, titleOf } from './targets.ts';

export type { RouteStep } from './route-steps.ts';

/** One way to the goal: ordered steps (done and to do) with the known totals. */
export type Route = {
  /** The progression-graph path the route follows, ending at the goal. */
  path: string[];
  steps: RouteStep[];
  /** Sum of the months the data knows for the steps to do. */
  totalMonths: number;
  totalHours: number;
  /** Steps to do whose duration the data does not know. */
  unknownDurations: number;
};

export type RoutePlan = {
  goal: Target;
  option?: string;
  /** The person already holds the goal and meets its rules. */
  reached: boolean;
  routes: Route[];
  /** When no route exists: which requirement cannot be reached, and why. */
  unreachable: Blocker[];
};

export type RouteOptions = { option?: string; maxRoutes?: number; maxDepth?: number; maxPaths?: number };

/**
 * Paths through the `precedes` graph ending at the goal. A node's own rules say how to enter it,
 * so the walk back stops at a node the person holds, a node with required rules (which is also
 * walked past, as an alternative), or a node nothing precedes.
 */
const pathsTo = (goal: string, state: PersonState, catalogue: Catalogue, maxDepth: number, maxPaths: number): string[][] => {
  const graph = progressionGraph(catalogue);
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= maxPaths) return;
    const path = [node, ...suffix];
    const predecessors = graph.predecessors(node).filter((p) => !path.includes(p));
    const hasRules = rulesOf(node, catalogue).some((r) => (r.requirement.strength ?? 'required') === 'required');
    if (holdsTarget(node, state, catalogue) || predecessors.length === 0 || path.length > maxDepth) {
      paths.push(path);
      return;
    }
    if (hasRules) paths.push(path);
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
        { id: first, kind: kindOf(first, catalogue), status: 'done', title: `${title} held`, why: 'where you are now', duration: 'done' },
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
  const steps = pruneSteps(sim.steps, path, state, env);
  const cost = costOf(steps);
  const todo = steps.filter((s) => s.status === 'todo');
  return {
    ok: true,
    route: {
      path,
      steps,
      totalMonths: cost.months,
      totalHours: cost.hours,
      unknownDurations: todo.filter((s) => s.months === undefined).length,
    },
  };
};

const kindOf = (id: string, catalogue: Catalogue): RouteStep['kind'] => {
  const type = catalogue.entry(id)?.type;
  return type === 'role' || type === 'status' || type === 'qualification' ? type : 'achievement';
};

const todoIds = (route: Route) => new Set(route.steps.filter((s) => s.status === 'todo').map((s) => s.id));
const isStrictSubset = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((x) => b.has(x));

/**
 * Route planning: the best few ways from the person's state to a goal (role, status or
 * qualification), each as ordered steps with hours and months where the data knows them,
 * ranked by total known months, then hours. Routes that do strictly more than another are
 * dropped, so every step of a returned route is needed. No route: the blocking requirements.
 */
export const route = (state: PersonState, goalId: string, catalogue: Catalogue, options: RouteOptions = {}): RoutePlan => {
  const goal = findTarget(goalId, catalogue);
  const context = contextFor(state, options.option);
  const env: PlanEnv = { catalogue, context, original: state };
  const base = { goal, ...(context.option ? { option: context.option } : {}) };
  const direct = planTarget(goalId, 'the goal', { state, steps: [], visiting: [] }, env);
  if (holdsTarget(goalId, state, catalogue) || (direct.ok && direct.sim.steps.every((s) => s.status === 'done'))) {
    return { ...base, reached: true, routes: [], unreachable: [] };
  }
  const planned = pathsTo(goalId, state, catalogue, options.maxDepth ?? 8, options.maxPaths ?? 64).map((path) =>
    planPath(path, state, env),
  );
  const found = planned.flatMap((p) => (p.ok ? [p.route] : []));
  const unique = [...new Map(found.map((r) => [[...todoIds(r)].sort().join('|'), r])).values()];
  const minimal = unique.filter((r) => !unique.some((other) => other !== r && isStrictSubset(todoIds(other), todoIds(r))));
  const routes = minimal
    .sort((a, b) => compareCost(costOf(a.steps), costOf(b.steps)) || a.path.length - b.path.length)
    .slice(0, options.maxRoutes ?? 3);
  const blockers = routes.length > 0 ? [] : planned.flatMap((p) => (p.ok ? [] : p.blockers));
  const unreachable = [...new Map(blockers.map((b) => [`${b.requirement}|${b.reason}`, b])).values()];
  return { ...base, reached: false, routes, unreachable };
};
