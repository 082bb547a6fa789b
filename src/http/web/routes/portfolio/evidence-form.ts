import type { ErrorDetail } from '../../../../contracts/errors.ts';
import { evidenceKindLabels, evidenceKinds } from '../../../../contracts/portfolio/evidence.ts';
import { claimableItems } from '../../../../domain/evidence/claimable-items.ts';
import { relatedItems } from '../../../../domain/evidence/crosswalk.ts';
import { suggestItems } from '../../../../domain/evidence/suggestions.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';

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

/**
 * The item picker: claimable items grouped by framework, narrowed by a filter (code or words), with
 * the ticked items always shown, the crosswalk's related items for ticked ones, and — when asked —
 * suggestions from the text.
 */
export const pickerOf = (
  catalogue: Catalogue,
  options: { ticked: readonly string[]; filter: string; framework?: string; suggestFrom?: string; locked?: readonly string[] },
) => {
  const ticked = new Set(options.ticked);
  const locked = new Set(options.locked ?? []);
  const words = options.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (code: string, text: string) => words.every((w) => `${code} ${text}`.toLowerCase().includes(w));
  // Hundreds of items on one page would swamp the form (and screen readers): until the author filters or
  // opens a framework, only the ticked items are listed.
  const browsing = words.length > 0 || options.framework !== undefined;
  const shown = (groupId: string, code: string, text: string) =>
    ticked.has(code) || (browsing && (options.framework === undefined || options.framework === groupId) && matches(code, text));
  const all = claimableItems(catalogue);
  const frameworks = all.map((g) => ({ id: g.framework.id, title: g.framework.title, count: g.items.length }));
  const groups = all
    .map((group) => {
      const items = group.items
        .filter((item) => shown(group.framework.id, item.code, item.text))
        .map((item) => ({
          value: item.code,
          html: `<span class="govuk-!-font-weight-bold">${escapeHtml(item.code)}</span> ${escapeHtml(item.text)}${locked.has(item.code) ? ' <strong class="govuk-tag govuk-tag--green">Accepted</strong>' : ''}`,
          checked: ticked.has(item.code),
          disabled: locked.has(item.code),
        }));
      const tickedHere = items.filter((i) => i.checked).length;
      return { id: group.framework.id, title: group.framework.title, items, tickedHere };
    })
    .filter((g) => g.items.length > 0);
  const related = [...ticked].flatMap((code) =>
    relatedItems(catalogue, code)
      .filter((r) => !ticked.has(r.code))
      .map((r) => ({ from: code, ...r })),
  );
  const relatedUnique = [...new Map(related.map((r) => [r.code, r] as const)).values()].map((r) => ({
    value: r.code,
    text: `${r.code} ${r.text} (related to ${r.from}${r.official ? '' : ': Pathways suggestion, not an official mapping'})`,
  }));
  const suggestions = options.suggestFrom
    ? suggestItems(catalogue, options.suggestFrom, { limit: 8 })
        .filter((s) => !ticked.has(s.code))
        .map((s) => ({ value: s.code, text: `${s.code} ${s.text} (${s.frameworkTitle})` }))
    : [];
  return {
    groups,
    frameworks,
    related: relatedUnique,
    suggestions,
    filter: options.filter,
    framework: options.framework ?? '',
    open: browsing,
  };
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
