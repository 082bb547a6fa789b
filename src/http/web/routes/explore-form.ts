import { z } from 'zod';
import type { ErrorDetail } from '../../../contracts/errors.ts';
import type { PersonState } from '../../../contracts/person-state.ts';
import { isSpecialismDuty, specialismLetters } from '../../../domain/duty-lead-ins.ts';
import { resolvePersonState } from '../../../domain/resolve-input.ts';
import type { Catalogue } from '../../../framework/catalogue.ts';
import { Nation, Phase, type Subject } from '../../../framework/schema.ts';
import { fieldOfWhere } from '../kit/index.ts';
import { isPublicCode, labelOf } from '../public-wording.ts';

/** The "Explore a career" form: its choices from the catalogue, and the person state it describes. */

const many = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(200));
const text = z.string().trim().max(100).optional();

/** How many HLTA standards there are (the explore form asks how many are met). */
const hltaStandardCount = (catalogue: Catalogue) => catalogue.items({ framework: 'hlta-standards', kind: 'standard' }).length;
export const ExploreQuery = z.object({
  role: text,
  phase: text,
  nation: text,
  english: text,
  maths: text,
  science: text,
  qualifications: many,
  hltaMet: text,
  specialisms: many,
  ehcp: text,
  bsl: text,
  hours: text,
  target: text,
  goal: text,
  option: text,
  /** The phase of the teacher-training course (a goal option): primary or secondary. */
  trainingPhase: text,
});
export type ExploreQuery = z.infer<typeof ExploreQuery>;

type Choice = { value: string; text: string };
/** The subjects the form asks about (English, maths and science: the ones role and QTS rules name). */
const subjects = ['english', 'maths', 'science'] as const satisfies readonly Subject[];

/** The choices the form offers, all from the catalogue. */
export const exploreChoices = (catalogue: Catalogue) => {
  const roles = catalogue.roles().map(({ role }) => ({ value: role.id, text: labelOf(role.id, role.title) }));
  const statuses = catalogue.frameworks.flatMap((f) => f.statuses ?? []).map((s) => ({ value: s.id, text: s.title }));
  const qualifications = catalogue
    .qualifications()
    .map(({ qualification: q }) => ({ value: q.id, text: q.title }))
    .sort((a, b) => a.text.localeCompare(b.text));
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
  const grades = Object.fromEntries(
    subjects.map((subject) => [
      subject,
      schemes
        .filter((s) => s.subjects.includes(subject))
        .flatMap((s) => s.grades.map((g) => ({ value: `${s.id}|${g.grade}`, text: `${s.title}: ${g.grade}` }))),
    ]),
  ) satisfies Record<string, Choice[]>;
  const specialisms = specialismLetters(catalogue).map((l) => {
    const example = catalogue.items({ kind: 'duty' }).find((i) => i.code.endsWith(l) && isSpecialismDuty(catalogue, i));
    return { value: l, text: example ? `${l}: ${example.text}` : l };
  });
  const hltaTotal = hltaStandardCount(catalogue);
  const options = catalogue
    .roles()
    .flatMap(({ role }) =>
      (role.options ?? []).map((o) => ({ value: o.id, text: `${isPublicCode(role.id) ? role.id : role.title}: ${o.title}` })),
    );
  return {
    roles,
    goals: [...roles, ...statuses, ...qualifications],
    targets: [...roles, ...statuses],
    qualifications,
    grades,
    specialisms,
    hltaTotal,
    options,
    phases: Phase.options.map((p) => ({ value: p, text: p.replace('-', ' ') })),
    nations: Nation.options.map((n) => ({ value: n, text: n })),
  };
};
export type ExploreChoices = ReturnType<typeof exploreChoices>;

/** A form field's id for an error at a person-state JSON path. */
const fieldOf = (where: string, achievementFields: string[]): string => {
  const achievement = /^\$\.achievements\[(\d+)\]/.exec(where);
  if (achievement) return achievementFields[Number(achievement[1])] ?? 'qualifications';
  if (where.startsWith('$.hoursPerWeekForStudy')) return 'hours';
  if (where.startsWith('$.judgements')) return 'hltaMet';
  if (where.startsWith('$.specialisms')) return 'specialisms';
  return fieldOfWhere(where) || 'role';
};

export type FieldError = { field: string; text: string };

/** The person state the form describes, or the errors against each field (GOV.UK error summary). */
export const stateFromForm = (
  form: ExploreQuery,
  catalogue: Catalogue,
): { ok: true; state: PersonState } | { ok: false; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const achievements: unknown[] = [];
  const achievementFields: string[] = [];
  for (const subject of subjects) {
    const value = form[subject];
    if (!value) continue;
    const [scheme, grade] = value.split('|');
    achievements.push({ subject, scheme, grade });
    achievementFields.push(subject);
  }
  for (const qualification of form.qualifications) {
    achievements.push({ qualification });
    achievementFields.push('qualifications');
  }
  const hlta = form.hltaMet ? Number(form.hltaMet) : 0;
  const total = hltaStandardCount(catalogue);
  if (!Number.isInteger(hlta) || hlta < 0 || hlta > total)
    errors.push({ field: 'hltaMet', text: `Enter how many HLTA standards are met, a whole number from 0 to ${total}` });
  const hours = form.hours ? Number(form.hours) : undefined;
  if (hours !== undefined && (!Number.isFinite(hours) || hours <= 0 || hours > 80))
    errors.push({ field: 'hours', text: 'Enter study hours per week as a number from 1 to 80' });
  if (!form.phase) errors.push({ field: 'phase', text: 'Select the school phase' });
  if (!form.nation) errors.push({ field: 'nation', text: 'Select the nation' });
  if (errors.length > 0) return { ok: false, errors };
  const judgements = Object.fromEntries(Array.from({ length: hlta }, (_, i) => [`HLTA.${i + 1}`, 'met']));
  const resolved = resolvePersonState(
    {
      ...(form.role ? { role: form.role } : {}),
      phase: form.phase,
      nation: form.nation,
      achievements,
      judgements,
      specialisms: form.specialisms,
      flags: { ehcpOrStatement: form.ehcp === 'yes', bsl: form.bsl === 'yes' },
      ...(hours !== undefined ? { hoursPerWeekForStudy: hours } : {}),
      ...(form.trainingPhase ? { trainingPhase: form.trainingPhase } : {}),
    },
    catalogue,
  );
  if (resolved.ok) return { ok: true, state: resolved.value };
  return { ok: false, errors: resolved.errors.map((e: ErrorDetail) => ({ field: fieldOf(e.where, achievementFields), text: e.reason })) };
};
