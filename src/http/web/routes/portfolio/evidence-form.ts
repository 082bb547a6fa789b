import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels, evidenceKinds } from '../../../../contracts/portfolio/evidence.ts';

/** A form field's value as posted: a urlencoded field is a string, a repeated one an array. */
export const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is string => typeof v === 'string');

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export type EvidenceFormValues = { kind: string; title: string; day: string; month: string; year: string; body: string; claims: string[] };

/** The editor's posted fields, kept as typed so a failed save shows them again. */
export const evidenceFormValues = (body: unknown): EvidenceFormValues => {
  const form = typeof body === 'object' && body !== null ? (body satisfies object) : {};
  const field = (name: string) => (name in form ? Reflect.get(form, name) : undefined);
  return {
    kind: textOf(field('kind')),
    title: textOf(field('title')),
    day: textOf(field('occurredOn-day')).trim(),
    month: textOf(field('occurredOn-month')).trim(),
    year: textOf(field('occurredOn-year')).trim(),
    body: textOf(field('body')).replace(/\r\n/g, '\n'),
    claims: [...new Set(listOf(field('claims')))],
  };
};

/** The use-case input of the editor's fields: the date parts joined as an ISO date (zod checks it is real). */
export const evidenceInputOf = (v: EvidenceFormValues) => {
  const pad = (s: string) => s.padStart(2, '0');
  const occurredOn = v.day && v.month && v.year ? `${v.year}-${pad(v.month)}-${pad(v.day)}` : '';
  return { kind: v.kind, title: v.title, occurredOn, body: v.body, claims: v.claims };
};

export const valuesOfStored = (e: { kind: string; title: string; occurredOn: string; body: string; claims: { itemCode: string }[] }) => {
  const [year = '', month = '', day = ''] = e.occurredOn.split('-');
  return {
    kind: e.kind,
    title: e.title,
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    body: e.body,
    claims: e.claims.map((c) => c.itemCode),
  };
};

/** Use-case error details as the GOV.UK error summary wants them: a field id to link to and a message. */
export const formErrors = (details: readonly ErrorDetail[]) =>
  details.map((d) => {
    const field = d.where.split('.')[0] ?? 'evidence';
    const id = field === 'occurredOn' ? 'occurredOn-day' : field === 'body' ? 'evidence-body' : field;
    return { field, href: `#${id}`, text: d.reason };
  });

export const kindItems = (selected: string) =>
  evidenceKinds.map((kind) => ({ value: kind, text: evidenceKindLabels[kind], checked: kind === selected }));
