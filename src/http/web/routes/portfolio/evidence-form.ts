import { z } from 'zod';
import { evidenceKindLabels, evidenceKinds } from '../../../../contracts/portfolio/evidence.ts';
import { dateInput, defineForm } from '../../kit/index.ts';

/**
 * The evidence editor's fields as the kit's form toolkit knows them: it joins the GOV.UK date input
 * (saying which part is missing) and puts a use-case's refusal beside the field it names (the use-case
 * checks the input against the evidence contract itself).
 */
const typed = z.string().optional().catch(undefined);
export const EvidenceForm = defineForm(
  z.object({
    kind: typed,
    title: typed,
    occurredOn: dateInput(z.string().optional(), { name: 'The date' }),
    body: typed,
    claims: z.unknown().optional(),
  }),
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

/** The use-case input of the editor's fields as typed, with the date the form toolkit read (the contract checks it is real). */
export const evidenceInputOf = (v: EvidenceFormValues, occurredOn: string | undefined) => ({
  kind: v.kind,
  title: v.title,
  occurredOn: occurredOn ?? '',
  body: v.body,
  claims: v.claims,
});

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
