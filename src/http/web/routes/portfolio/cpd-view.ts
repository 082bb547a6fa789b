import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { type CpdActivity, cpdKindLabels, cpdKinds } from '../../../../contracts/portfolio/cpd.ts';
import { academicYearOf } from '../../../../domain/academic-year.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import type { CpdLog } from '../../../../usecases/portfolio/cpd.ts';
import { govukDate } from '../../dates.ts';
import { durationText } from '../../durations.ts';
import { hrefOfCode } from '../../links.ts';

/** An ISO calendar date as "1 September 2026". */
export const dateText = (iso: string | null): string => govukDate(iso);

/** Item codes with their titles and explorer links. */
export const itemLinks = (catalogue: Catalogue, codes: readonly string[]) =>
  codes.map((code) => ({ code, title: catalogue.title(code), href: hrefOfCode(catalogue, code) ?? null }));

const shownActivity = (catalogue: Catalogue, a: CpdActivity) => ({
  ...a,
  kindLabel: cpdKindLabels[a.kind],
  dateText: dateText(a.occurredOn),
  durationText: durationText(a.minutes),
  items: itemLinks(catalogue, a.itemCodes),
});

/** The log grouped by academic year, newest first, each with its total. */
export const logView = (catalogue: Catalogue, log: CpdLog) => ({
  years: log.totals.map((t) => ({
    year: t.year,
    totalText: durationText(t.minutes),
    activities: log.done.filter((a) => a.occurredOn && academicYearOf(a.occurredOn) === t.year).map((a) => shownActivity(catalogue, a)),
  })),
  planned: log.planned.map((a) => shownActivity(catalogue, a)),
  suggestions: log.suggestions,
});

/** The form's values as the template fills them back in. */
export type CpdFormValues = {
  title: string;
  provider: string;
  kind: string;
  status: string;
  day: string;
  month: string;
  year: string;
  hours: string;
  minutes: string;
  itemCodes: string;
  reflection: string;
};

const text = (body: Record<string, unknown>, key: string) => {
  const value = body[key];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : '';
};

export const valuesOfBody = (body: Record<string, unknown>): CpdFormValues => ({
  title: text(body, 'title'),
  provider: text(body, 'provider'),
  kind: text(body, 'kind'),
  status: text(body, 'status') || 'done',
  day: text(body, 'occurredOn-day'),
  month: text(body, 'occurredOn-month'),
  year: text(body, 'occurredOn-year'),
  hours: text(body, 'hours'),
  minutes: text(body, 'minutes'),
  itemCodes: text(body, 'itemCodes'),
  reflection: text(body, 'reflection'),
});

export const valuesOfActivity = (a: CpdActivity, status?: string): CpdFormValues => {
  const [year = '', month = '', day = ''] = (a.occurredOn ?? '').split('-');
  return {
    title: a.title,
    provider: a.provider ?? '',
    kind: a.kind,
    status: status ?? a.status,
    day: day.replace(/^0/, ''),
    month: month.replace(/^0/, ''),
    year,
    hours: String(Math.floor(a.minutes / 60)),
    minutes: String(a.minutes % 60),
    itemCodes: a.itemCodes.join(' '),
    reflection: a.reflection,
  };
};

export const emptyValues: CpdFormValues = {
  title: '',
  provider: '',
  kind: '',
  status: 'done',
  day: '',
  month: '',
  year: '',
  hours: '',
  minutes: '',
  itemCodes: '',
  reflection: '',
};

const fieldIds: Record<string, string> = { occurredOn: 'occurredOn-day', minutes: 'hours', hours: 'hours', kind: 'kind', status: 'status' };

/** Errors for the GOV.UK error summary and the fields, from zod issues or use-case details. */
export const cpdFormErrors = (details: readonly ErrorDetail[]) =>
  details.map((d) => {
    const field = d.where.split('.')[0] || 'title';
    const key = field === 'minutes' && d.reason.startsWith('Minutes') ? 'minutes' : field === 'minutes' ? 'hours' : field;
    return { field: key, href: `#${fieldIds[key] ?? key}`, text: d.reason };
  });

export const kindItems = (selected: string) =>
  cpdKinds.map((kind) => ({ value: kind, text: cpdKindLabels[kind], checked: kind === selected }));

/** Each field's error text (several joined), for the fields' `errorMessage`. */
export const fieldErrorsOf = (errors: readonly { field: string; text: string }[]): Record<string, string> => {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] = byField[e.field] ? `${byField[e.field]} ${e.text}` : e.text;
  return byField;
};
