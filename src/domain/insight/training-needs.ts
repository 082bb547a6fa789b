import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import type { Requirement } from '../../framework/schema.ts';
import { describeRequirement } from '../describe-requirement.ts';
import { progressionGraph } from '../progression-graph.ts';
import { codesOf } from '../requirements/index.ts';
import { rulesOf } from '../targets.ts';

/**
 * The training-needs analysis, pure: which needs a target asks for, the provision the framework
 * suggests for each, and the ranking of needs by how many people lack them. The counting itself is
 * done set-wise by the store (items) and by the interpreter over distinct fact profiles (the rest).
 */

/** What the analysis is run against: each person's next level, or one chosen role, status or qualification. */
export type TrainingTarget = 'next' | string;

/**
 * A person's next level: the roles their graded role leads to in the same framework (TA3 → TA4,
 * ASNA2 → ASNA3), the rung up the ladder rather than a sideways move; when the framework has none,
 * whatever role the progression graph names first.
 */
export const nextLevelOf = (gradedRole: string, catalogue: Catalogue): string | undefined => {
  const framework = catalogue.frameworkOf(gradedRole)?.id;
  const roles = progressionGraph(catalogue)
    .successors(gradedRole)
    .filter((id) => catalogue.role(id) !== undefined)
    .sort();
  return roles.find((id) => catalogue.frameworkOf(id)?.id === framework) ?? roles[0];
};

/** The target a person with this graded role is measured against (none: they are left out). */
export const targetOfRole = (gradedRole: string | null, target: TrainingTarget, catalogue: Catalogue): string | undefined => {
  if (target !== 'next') return target;
  return gradedRole && catalogue.role(gradedRole) ? nextLevelOf(gradedRole, catalogue) : undefined;
};

/** A competency item someone must meet, or a requirement (a qualification, English at Level 2, a specialism) they must hold. */
export type Need =
  | { kind: 'item'; key: string; code: string; label: string }
  | { kind: 'requirement'; key: string; targetId: string; ruleId: string; label: string; requirement: Requirement };

/** Requirements that are not something training gives (a role held, an age, a flag, not holding something). */
const untrainable = new Set<Requirement['type']>(['role', 'ageAtStart', 'flag', 'not']);

const isItems = (r: Requirement) => r.type === 'itemsMet' || r.type === 'itemsWorkingTowards';

const childrenOf = (r: Requirement): Requirement[] => {
  if (r.type === 'allOf' || r.type === 'anyOf' || r.type === 'atLeast') return r.of;
  if (r.type === 'when') return [r.require];
  return [];
};

const hasItems = (r: Requirement): boolean => isItems(r) || childrenOf(r).some(hasItems);
const trainable = (r: Requirement): boolean => !untrainable.has(r.type) && (childrenOf(r).length === 0 || childrenOf(r).some(trainable));

/** FNV-1a of the text, as 8 hex digits: a short stable name for a requirement, the same whichever target asks for it. */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
};

/** What a requirement asks, without where it is written down (the same rule in two roles is one need). */
const substanceOf = (r: Requirement): unknown => {
  const { provenance: _p, label: _l, action: _a, strength: _s, ...rest } = r as Requirement & Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? v.map((x) => (typeof x === 'object' && x ? substanceOf(x as Requirement) : x))
        : typeof v === 'object' && v && 'type' in v
          ? substanceOf(v as Requirement)
          : v,
    ]),
  );
};

/**
 * The needs a target asks for, in rule order: each competency item of its item rules (core items:
 * an option's items wait for the option to be chosen), and each part of a rule that holds no items
 * (a choice of qualifications, English at Level 2, a specialism) as one requirement, worded as the
 * framework words it. Every part of an `allOf` is a need of its own; a choice (`anyOf`, `atLeast`) is one.
 * The same requirement asked by two targets (a specialism for TA4 and for TA5) is one need.
 */
export const needsOfTarget = (targetId: string, catalogue: Catalogue): Need[] => {
  const needs = new Map<string, Need>();
  for (const rule of rulesOf(targetId, catalogue)) {
    const walk = (r: Requirement) => {
      if (r.type === 'itemsMet' || r.type === 'itemsWorkingTowards') {
        for (const code of codesOf(r, catalogue, { phase: 'other' }))
          needs.set(`item:${code}`, { kind: 'item', key: `item:${code}`, code, label: itemLabel(catalogue, code).text });
        return;
      }
      if (r.type === 'allOf' || hasItems(r)) {
        for (const child of childrenOf(r)) walk(child);
        return;
      }
      if (!trainable(r)) return;
      const key = `requirement:${fnv1a(JSON.stringify(substanceOf(r)))}`;
      if (!needs.has(key))
        needs.set(key, {
          kind: 'requirement',
          key,
          targetId,
          ruleId: rule.id,
          label: r.label ?? describeRequirement(r, catalogue).text,
          requirement: r,
        });
    };
    walk(rule.requirement);
  }
  return [...needs.values()];
};

/** A qualification unit that covers a need, through the NOS unit it maps to. */
export type UnitProvision = { code: string; title: string; qualificationId: string; qualificationTitle: string; nos: string[] };

/** What the framework suggests to meet a need. */
export type Provision = {
  /** QCF/RQF units mapped to a NOS unit the item is related to (or, for a qualification, the qualification's own units). */
  units: UnitProvision[];
  /** NOS units the item is related to ("NOS.19 — Promote positive behaviour"). */
  nos: { code: string; label: string }[];
  /** Qualifications the requirement names, each a way to meet it. */
  qualifications: { id: string; title: string }[];
  /** Essential-training modules linked to the item by the framework's associations. */
  essentialTraining: { code: string; label: string }[];
  /** The level's CPD suggestions (the roles of the people who lack it), by reference. */
  cpdSuggestions: { ref: string; roleId: string; text: string }[];
};

const qualificationsNamed = (r: Requirement): string[] =>
  r.type === 'qualification' ? [r.id] : childrenOf(r).flatMap((child) => qualificationsNamed(child));

/** The provision for a need: units and NOS through the crosswalks, the qualifications a rule names, and the CPD suggestions of the given roles. */
export const provisionFor = (need: Need, catalogue: Catalogue, roles: readonly string[]): Provision => {
  const related =
    need.kind === 'item'
      ? [...catalogue.associations({ from: need.code }).map((a) => a.to), ...catalogue.associations({ to: need.code }).map((a) => a.from)]
      : [];
  const nos = [...new Set(related.filter((code) => catalogue.item(code)?.kind === 'nos-unit'))].sort();
  const essential = [...new Set(related.filter((code) => catalogue.item(code)?.kind === 'training-module'))].sort();
  const qualificationIds = need.kind === 'requirement' ? [...new Set(qualificationsNamed(need.requirement))] : [];
  const units: UnitProvision[] = [];
  for (const { qualification } of catalogue.qualifications()) {
    for (const unit of qualification.units ?? []) {
      if (unit.nos.some((code) => nos.includes(code)))
        units.push({
          code: unit.code,
          title: unit.title,
          qualificationId: qualification.id,
          qualificationTitle: qualification.title,
          nos: unit.nos.filter((c) => nos.includes(c)),
        });
    }
  }
  const suggestions = new Map<string, { ref: string; roleId: string; text: string }>();
  for (const roleId of roles)
    (catalogue.role(roleId)?.cpdSuggestions?.items ?? []).forEach((text, index) => {
      suggestions.set(`${roleId}/cpdSuggestions/${index}`, { ref: `${roleId}/cpdSuggestions/${index}`, roleId, text });
    });
  return {
    units,
    nos: nos.map((code) => ({ code, label: itemLabel(catalogue, code).text })),
    qualifications: qualificationIds.map((id) => ({ id, title: catalogue.title(id) })),
    essentialTraining: essential.map((code) => ({ code, label: itemLabel(catalogue, code).text })),
    cpdSuggestions: [...suggestions.values()],
  };
};

/** How many people lack a need at one school. */
export type NeedCount = { needKey: string; organisationId: string; lacking: number };

/** A need with how many lack it, in total and by school (largest first). */
export type RankedNeed = { need: Need; lacking: number; bySchool: { organisationId: string; name: string; lacking: number }[] };

/**
 * Needs ranked by how many people lack them (most first; ties in the order the framework lists
 * them), each broken down by school. Needs nobody lacks are left out.
 */
export const rankNeeds = (needs: readonly Need[], counts: readonly NeedCount[], schools: ReadonlyMap<string, string>): RankedNeed[] => {
  const order = new Map(needs.map((n, i) => [n.key, i]));
  const bySchool = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (c.lacking <= 0 || !order.has(c.needKey)) continue;
    const schoolsOf = bySchool.get(c.needKey) ?? new Map<string, number>();
    bySchool.set(c.needKey, schoolsOf);
    schoolsOf.set(c.organisationId, (schoolsOf.get(c.organisationId) ?? 0) + c.lacking);
  }
  return needs
    .flatMap((need) => {
      const entries = [...(bySchool.get(need.key) ?? new Map<string, number>())].map(([organisationId, lacking]) => ({
        organisationId,
        name: schools.get(organisationId) ?? organisationId,
        lacking,
      }));
      const lacking = entries.reduce((sum, e) => sum + e.lacking, 0);
      entries.sort((a, b) => b.lacking - a.lacking || a.name.localeCompare(b.name));
      return lacking > 0 ? [{ need, lacking, bySchool: entries }] : [];
    })
    .sort((a, b) => b.lacking - a.lacking || (order.get(a.need.key) ?? 0) - (order.get(b.need.key) ?? 0));
};

/** The planned CPD activity a cohort's members get: the unit that covers the need if there is one, else training for it. */
export type PlannedActivity = {
  title: string;
  kind: 'course' | 'qualification-unit';
  itemCodes: string[];
  /** Stored as the activity's `suggestedBy`, so planning the same need twice adds nothing. */
  suggestedBy: string;
  reflection: string;
};

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

export const activityForNeed = (need: Need, provision: Provision): PlannedActivity => {
  const unit = provision.units[0];
  const suggestedBy = `training-needs/${need.key}`;
  const itemCodes = need.kind === 'item' ? [need.code] : [];
  if (unit)
    return {
      title: cut(`${unit.title} (${unit.code}, ${unit.qualificationTitle})`, 200),
      kind: 'qualification-unit',
      itemCodes,
      suggestedBy,
      reflection: `Planned for a cohort sharing the need: ${need.label}`,
    };
  return {
    title: cut(`Training for ${need.label}`, 200),
    kind: 'course',
    itemCodes,
    suggestedBy,
    reflection: `Planned for a cohort sharing the need: ${need.label}`,
  };
};
