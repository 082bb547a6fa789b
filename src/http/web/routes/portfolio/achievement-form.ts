import { z } from 'zod';
import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { higherEducationKinds } from '../../../../domain/achievement-check.ts';
import { qualificationLevelName, qualificationLevelRank } from '../../../../domain/achievements.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import { dateInput, defineForm, type Posted, postedText } from '../../kit/index.ts';

/** The add-achievement form: its posted fields, the use-case input they make, and the pickers it shows. */

export const achievementFormKinds = ['qualification', 'unit', 'subject', 'degree'] as const;
export type AchievementFormKind = (typeof achievementFormKinds)[number];

export const kindHeadings: Record<AchievementFormKind, string> = {
  qualification: 'Add a qualification',
  unit: 'Add a unit with credits',
  subject: 'Add an English, maths or science grade',
  degree: 'Add a degree or higher education credits',
};

/** A field as typed, trimmed: the contract checks what it says, so a bad value reaches it and it says why. */
const typed = z
  .string()
  .optional()
  .catch(undefined)
  .transform((value) => value?.trim() ?? '');

/** The add-achievement form; the date is a GOV.UK date input (optional for a grade, required by the contract otherwise). */
export const AchievementForm = defineForm(
  z.object({
    source: typed,
    qualificationId: typed,
    title: typed,
    level: typed,
    awardingOrganisation: typed,
    credits: typed,
    code: typed,
    subject: typed,
    schemeGrade: typed,
    degree: typed,
    degreeSubject: typed,
    institution: typed,
    achievedOn: dateInput(z.string().optional(), { name: 'The date achieved' }),
  }),
);
export type AchievementFormValues = z.output<typeof AchievementForm.schema>;

/** The fields as typed, to fill the form in again (the date as its three parts). */
export const achievementFormShown = (posted: Posted): Record<string, string> =>
  Object.fromEntries(
    [
      ...Object.keys(AchievementForm.schema.shape).filter((name) => name !== 'achievedOn'),
      'achievedOn-day',
      'achievedOn-month',
      'achievedOn-year',
    ].map((name) => [name, postedText(posted, name).trim()]),
  );

const optional = (s: string) => (s === '' ? undefined : s);
const numberOf = (s: string) => (s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : s);
const levelOf = (s: string) => (s === '' ? undefined : /^E[1-3]$/.test(s) ? s : numberOf(s));

/** The use-case input the form's fields make (the contract checks it; bad numbers stay strings so it says why). */
export const achievementInputOf = (kind: AchievementFormKind, v: AchievementFormValues): Record<string, unknown> => {
  const achievedOn = v.achievedOn ?? '';
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));
  switch (kind) {
    case 'qualification':
      return v.source === 'entered'
        ? drop({
            kind,
            title: v.title,
            level: levelOf(v.level),
            awardingOrganisation: optional(v.awardingOrganisation),
            credits: numberOf(v.credits),
            achievedOn,
          })
        : { kind, qualificationId: v.qualificationId, achievedOn };
    case 'unit':
      return drop({
        kind,
        title: v.title,
        code: optional(v.code),
        level: numberOf(v.level),
        credits: numberOf(v.credits),
        awardingOrganisation: optional(v.awardingOrganisation),
        achievedOn,
      });
    case 'subject': {
      const [scheme = '', grade = ''] = v.schemeGrade.split('::');
      return drop({ kind, subject: v.subject, scheme, grade, achievedOn: v.achievedOn });
    }
    case 'degree':
      return drop({
        kind,
        degree: v.degree,
        title: optional(v.title),
        subject: optional(v.degreeSubject),
        level: numberOf(v.level),
        credits: numberOf(v.credits),
        institution: optional(v.institution),
        achievedOn,
      });
  }
};

/** Use-case error details as the GOV.UK error summary wants them: the form field (as named in the view), its anchor and the reason. */
export const achievementFormErrors = (kind: AchievementFormKind, details: readonly ErrorDetail[]) => {
  const errors = details.map((d) => {
    const path = d.where.replace(/^\$\.?/, '').split('.')[0] || 'kind';
    const field =
      kind === 'degree' && path === 'subject'
        ? 'degreeSubject'
        : kind === 'subject' && (path === 'scheme' || path === 'grade')
          ? 'schemeGrade'
          : kind === 'qualification' && path === 'qualificationId'
            ? 'qualificationId'
            : path;
    return { field, href: `#${field === 'achievedOn' ? 'achievedOn-day' : field}`, text: d.reason };
  });
  // Scheme and grade come from one select, so their messages would repeat.
  return errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.text === e.text) === i);
};

/** Catalogue qualifications grouped by level (lowest first) for the picker; HE programmes are entered as degrees. */
export const qualificationGroups = (catalogue: Catalogue, selected: string) => {
  const listed = catalogue
    .qualifications()
    .map(({ qualification }) => qualification)
    .filter((q) => q.scheme !== 'higher-education');
  const levels = [...new Set(listed.map((q) => q.level))].sort((a, b) => qualificationLevelRank(a) - qualificationLevelRank(b));
  return levels.map((level) => ({
    label: qualificationLevelName(level),
    options: listed
      .filter((q) => q.level === level)
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((q) => ({ value: q.id, text: q.title, selected: q.id === selected })),
  }));
};

/** Every grade scheme's grades for one select, grouped by scheme (`gcse-9-1::5`). */
export const gradeGroups = (catalogue: Catalogue, selected: string) =>
  catalogue.frameworks
    .flatMap((f) => f.gradeSchemes ?? [])
    .map((scheme) => ({
      label: `${scheme.title} (${scheme.subjects.filter((s) => s !== 'ict').join(', ')})`,
      options: scheme.grades.map((g) => ({
        value: `${scheme.id}::${g.grade}`,
        text: `${scheme.title} ${g.grade}`,
        selected: `${scheme.id}::${g.grade}` === selected,
      })),
    }));

const levelChoices = ['E1', 'E2', 'E3', '1', '2', '3', '4', '5', '6', '7', '8'];

/** Level choices for a select: Entry 1–3 and 1–8 for qualifications, 1–8 for units, 4–8 for degrees. */
export const levelItems = (kind: AchievementFormKind, selected: string) =>
  [{ value: '', text: 'Choose a level' }]
    .concat(
      levelChoices
        .filter((l) => (kind === 'qualification' ? true : kind === 'degree' ? /^[4-8]$/.test(l) : /^\d$/.test(l)))
        .map((l) => ({ value: l, text: /^E/.test(l) ? `Entry Level ${l.slice(1)}` : `Level ${l}` })),
    )
    .map((item) => ({ ...item, selected: item.value === selected }));

/** The higher-education kinds a degree can be, for a select. */
export const degreeItems = (catalogue: Catalogue, selected: string) =>
  [{ value: '', text: 'Choose a kind' }]
    .concat(
      higherEducationKinds(catalogue).map((kind) => ({ value: kind, text: kind.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) })),
    )
    .map((item) => ({ ...item, selected: item.value === selected }));
