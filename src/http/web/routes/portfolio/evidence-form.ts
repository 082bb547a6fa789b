import { z } from 'zod';
import { evidenceKindLabels, evidenceKinds } from '../../../../contracts/portfolio/evidence.ts';
import { dateInput, defineForm } from '../../kit/index.ts';

/**
 * The evidence editor's fields as the kit's form toolkit knows them, to put a use-case's refusal beside
 * the field it names (the use-case checks the input against the evidence contract itself).
 */
export const EvidenceForm = defineForm(
  z.object({ kind: z.string(), title: z.string(), occurredOn: dateInput(z.string()), body: z.string(), claims: z.unknown() }),
  { ids: { body: 'evidence-body' }, fallback: 'title' },
);

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
  const occurredOn = v.day && v.month && v.year ? `${v.year.padStart(4, '0')}-${pad(v.month)}-${pad(v.day)}` : '';
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

export const kindItems = (selected: string) =>
  evidenceKinds.map((kind) => ({ value: kind, text: evidenceKindLabels[kind], checked: kind === selected }));
