import { type DutyProfile, parseDutyProfile } from '../contracts/duty-profile.ts';
import type { ErrorDetail } from '../contracts/errors.ts';
import { type Achievement, type PersonState, parsePersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { isLeadIn, specialismLetters } from './duty-lead-ins.ts';

/** Checking a person state or duty profile against the catalogue: every id must be known. */

export type Resolved<T> = { ok: true; value: T } | { ok: false; errors: ErrorDetail[] };

const key = (code: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(code) ? `.${code}` : `[${JSON.stringify(code)}]`);

/**
 * Resolves a grade scheme id: exact, or a family name (`gcse`) with exactly one member
 * (`gcse-9-1`, `gcse-legacy`) that has the grade.
 */
const resolveScheme = (scheme: string, grade: string, catalogue: Catalogue): string | undefined => {
  if (catalogue.gradeScheme(scheme)) return scheme;
  const family = catalogue.frameworks
    .flatMap((f) => f.gradeSchemes ?? [])
    .filter((s) => s.id.startsWith(`${scheme}-`) && s.grades.some((g) => g.grade === grade));
  return family.length === 1 ? family[0]?.id : undefined;
};

const checkAchievement = (a: Achievement, where: string, catalogue: Catalogue, errors: ErrorDetail[]): Achievement => {
  if ('qualification' in a && !catalogue.qualification(a.qualification))
    errors.push({ where: `${where}.qualification`, reason: `unknown qualification ${a.qualification}` });
  if ('status' in a && !catalogue.status(a.status)) errors.push({ where: `${where}.status`, reason: `unknown status ${a.status}` });
  if ('units' in a) {
    a.units.forEach((u, i) => {
      if (u.code && catalogue.entry(u.code)?.type !== 'unit')
        errors.push({ where: `${where}.units[${i}].code`, reason: `unknown unit ${u.code}` });
    });
  }
  if ('grade' in a) {
    const id = resolveScheme(a.scheme, a.grade, catalogue);
    const scheme = id ? catalogue.gradeScheme(id) : undefined;
    if (!scheme) {
      const known = catalogue.frameworks.flatMap((f) => (f.gradeSchemes ?? []).map((s) => s.id));
      errors.push({ where: `${where}.scheme`, reason: `unknown grade scheme ${a.scheme} (known: ${known.join(', ')})` });
      return a;
    }
    if (!scheme.subjects.includes(a.subject)) errors.push({ where: `${where}.subject`, reason: `${scheme.id} has no ${a.subject} grades` });
    if (!scheme.grades.some((g) => g.grade === a.grade)) {
      errors.push({
        where: `${where}.grade`,
        reason: `${a.grade} is not a grade of ${scheme.id} (grades: ${scheme.grades.map((g) => g.grade).join(', ')})`,
      });
    }
    return { ...a, scheme: scheme.id };
  }
  return a;
};

/** Parses a person state and checks every id against the catalogue; failures name the JSON path and the reason. */
export const resolvePersonState = (json: unknown, catalogue: Catalogue): Resolved<PersonState> => {
  const parsed = parsePersonState(json);
  if (!parsed.ok) return parsed;
  const state = parsed.state;
  const errors: ErrorDetail[] = [];
  if (state.role && !catalogue.role(state.role)) errors.push({ where: '$.role', reason: `unknown role ${state.role}` });
  const achievements = state.achievements.map((a, i) => checkAchievement(a, `$.achievements[${i}]`, catalogue, errors));
  for (const code of Object.keys(state.judgements)) {
    if (!catalogue.item(code)) errors.push({ where: `$.judgements${key(code)}`, reason: `unknown competency item ${code}` });
  }
  const letters = new Set(specialismLetters(catalogue));
  state.specialisms.forEach((s, i) => {
    if (!letters.has(s))
      errors.push({ where: `$.specialisms[${i}]`, reason: `unknown specialism ${s} (known: ${[...letters].sort().join(', ')})` });
  });
  if (state.option && !catalogue.roles().some(({ role }) => role.options?.some((o) => o.id === state.option))) {
    errors.push({ where: '$.option', reason: `unknown option ${state.option}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...state, achievements } };
};

/** Parses a duty profile and checks the role and every duty code against the catalogue. */
export const resolveDutyProfile = (json: unknown, catalogue: Catalogue): Resolved<DutyProfile> => {
  const parsed = parseDutyProfile(json);
  if (!parsed.ok) return parsed;
  const errors: ErrorDetail[] = [];
  if (!catalogue.role(parsed.profile.currentRole))
    errors.push({ where: '$.currentRole', reason: `unknown role ${parsed.profile.currentRole}` });
  for (const code of Object.keys(parsed.profile.duties)) {
    const item = catalogue.item(code);
    if (isLeadIn(item)) {
      const alternatives = catalogue.children(code).map((i) => i.code);
      errors.push({
        where: `$.duties${key(code)}`,
        reason: `${code} introduces alternatives and is not a duty: answer ${alternatives.join(', ')}`,
      });
    } else if (item?.kind !== 'duty') errors.push({ where: `$.duties${key(code)}`, reason: `unknown duty ${code}` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.profile };
};
