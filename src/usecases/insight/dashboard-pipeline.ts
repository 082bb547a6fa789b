import { createHash } from 'node:crypto';
import { type PipelineBand, pipelineBandOf, pipelineBands } from '../../domain/insight/dashboard-pipeline.ts';
import { dashboardReferenceOf } from '../../domain/insight/dashboard-reference.ts';
import { type Need, needsOfTarget, targetOfRole } from '../../domain/insight/training-needs.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { type FactProfile, trainingNeedsStore } from '../../store/insight/training-needs.ts';
import type { DashboardDeps, ResolvedScope } from './dashboard-scope.ts';
import { type Counting, lacksRequirement } from './training-needs.ts';

/**
 * The progression pipeline: for each member of staff, the share of their next level's needs they
 * already meet, with the training-needs analysis's own parts: the next level (`targetOfRole`), its
 * needs (`needsOfTarget`), competency items met counted in SQL, and requirements decided by the
 * interpreter once per distinct fact profile (`factProfiles`, `lacksRequirement`).
 */

/** A graded role measured against its next level, and what that level asks. */
type Measured = { target: string; needs: Need[]; itemCodes: string[]; requirements: Need[] };

const measuredRoles = new WeakMap<Catalogue, Map<string, Measured>>();

/** The graded roles that have a next level asking for something, with its needs (worked out once per catalogue). */
export const measuredRolesOf = (catalogue: Catalogue): Map<string, Measured> => {
  const cached = measuredRoles.get(catalogue);
  if (cached) return cached;
  const roles = new Map<string, Measured>();
  for (const { id } of dashboardReferenceOf(catalogue).gradedRoles) {
    const target = targetOfRole(id, 'next', catalogue);
    const needs = target ? needsOfTarget(target, catalogue) : [];
    if (!target || needs.length === 0) continue;
    roles.set(id, {
      target,
      needs,
      itemCodes: needs.flatMap((n) => (n.kind === 'item' ? [n.code] : [])),
      requirements: needs.filter((n) => n.kind === 'requirement'),
    });
  }
  measuredRoles.set(catalogue, roles);
  return roles;
};

/**
 * How many requirement needs a distinct fact profile meets, remembered per catalogue across requests
 * (a pure function of the profile's facts, its school's phase and nation, and the catalogue): at
 * trust scale nearly every person is a profile of their own, and the interpreter need not run again
 * for facts it has already decided. Bounded: the oldest is dropped past the limit.
 */
const MEMO_LIMIT = 50_000;
const requirementsMetMemo = new WeakMap<Catalogue, Map<string, number>>();
const requirementsMetOf = (profile: FactProfile, role: Measured, counting: Pick<Counting, 'schools'>, catalogue: Catalogue): number => {
  if (role.requirements.length === 0) return 0;
  const memo = requirementsMetMemo.get(catalogue) ?? new Map<string, number>();
  requirementsMetMemo.set(catalogue, memo);
  const school = counting.schools.get(profile.organisationId);
  const key = createHash('sha1')
    .update(
      JSON.stringify([
        profile.gradedRole,
        school?.phase ?? null,
        school?.nation ?? null,
        profile.flags,
        profile.specialisms,
        profile.confirmedSpecialisms,
        profile.achievements,
      ]),
    )
    .digest('base64');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const met = role.requirements.filter((need) => !lacksRequirement(need, profile, counting, catalogue)).length;
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value ?? '');
  memo.set(key, met);
  return met;
};

const noBands = (): Record<PipelineBand, number> => Object.fromEntries(pipelineBands.map((b) => [b, 0])) as Record<PipelineBand, number>;

/** How close one person is to their next level. */
export type Closeness = { band: PipelineBand; met: number; total: number; target: string };

export type PipelineFigures = {
  /** Staff measured against a next level. */
  measured: number;
  /** Staff by band (`not-measured`: the rest of the headcount). */
  byBand: Record<PipelineBand, number>;
  /** Per graded role measured: its next level and its staff by band. */
  byRole: { role: string; target: string; needs: number; bands: Record<PipelineBand, number> }[];
};

/**
 * The pipeline of a scope, a trust at a time, grouped as the database groups people (identical
 * facts and the same number of items met): nobody is loaded one by one. With `withPeople`, also how
 * close each person is (for the list behind a band).
 */
export const progressionPipeline = async (
  deps: Pick<DashboardDeps, 'db' | 'catalogue'>,
  scope: Pick<ResolvedScope, 'byTrust'>,
  today: string,
  headcount: number,
  options: { withPeople?: boolean } = {},
): Promise<PipelineFigures & { people: Map<string, Closeness> }> => {
  const measured = measuredRolesOf(deps.catalogue);
  const roles = [...measured.keys()];
  const itemsMetOf = new Map([...measured].map(([role, m]) => [role, m.itemCodes]));
  const byBand = noBands();
  const byRole = new Map<string, Record<PipelineBand, number>>();
  const people = new Map<string, Closeness>();
  let count = 0;
  const store = trainingNeedsStore(deps.db);
  for (const { trustId, organisationIds } of scope.byTrust) {
    const peopleScope = { trustId, today, ...(organisationIds ? { organisationIds } : {}) };
    const [schools, profiles] = await Promise.all([
      store.schools(trustId, organisationIds),
      store.factProfiles(peopleScope, roles, { itemsMetOf, ...(options.withPeople ? { withPeople: true } : {}) }),
    ]);
    const counting = { schools: new Map(schools.map((s) => [s.id, { name: s.name, phase: s.phase, nation: s.nation }])) };
    for (const profile of profiles) {
      const role = measured.get(profile.gradedRole);
      if (!role) continue;
      const met = (profile.itemsMet ?? 0) + requirementsMetOf(profile, role, counting, deps.catalogue);
      const band = pipelineBandOf(met, role.needs.length);
      byBand[band] += profile.people;
      const bands = byRole.get(profile.gradedRole) ?? noBands();
      bands[band] += profile.people;
      byRole.set(profile.gradedRole, bands);
      count += profile.people;
      for (const id of profile.personIds ?? []) people.set(id, { band, met, total: role.needs.length, target: role.target });
    }
  }
  byBand['not-measured'] = Math.max(0, headcount - count);
  return {
    measured: count,
    byBand,
    byRole: [...measured]
      .filter(([role]) => byRole.has(role))
      .map(([role, m]) => ({ role, target: m.target, needs: m.needs.length, bands: byRole.get(role) ?? noBands() })),
    people,
  };
};
