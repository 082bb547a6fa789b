/**
 * An audit event's data as fields a person reads: before and after of each changed field, and the
 * event's other facts, with ids replaced by the names they stand for (and left out when the reader
 * may not see the name). No JSON reaches the page.
 */

/** A value to show: text, or a date / date-time for the page to write in the GOV.UK style. */
export type ShownValue = { kind: 'text' | 'date' | 'dateTime'; text: string };

export type AuditChange = { field: string; before: ShownValue | null; after: ShownValue | null };
export type AuditDetail = { field: string; value: ShownValue };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Facts that mean nothing to a reader (session and request ids, content hashes, the demo marker). */
const hiddenKeys = new Set(['demo', 'sessionId', 'requestId', 'sourceSha256', 'commentId', 'objectiveId', 'invitationId', 'resetId']);

const entries = (value: unknown): [string, unknown][] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];

/** "expiresOn" → "Expires on"; "personId" → "Person". */
export const fieldLabel = (key: string): string => {
  const words = key
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Every UUID anywhere in a value (to resolve to names in one query). */
export const uuidsIn = (value: unknown, found: Set<string> = new Set()): Set<string> => {
  if (typeof value === 'string' && uuid.test(value)) found.add(value);
  else if (Array.isArray(value)) for (const v of value) uuidsIn(v, found);
  else for (const [, v] of entries(value)) uuidsIn(v, found);
  return found;
};

type NameOf = (id: string) => string | undefined;

/** A competency item's code with its wording, or undefined for a value that is not a code the framework knows. */
export type LabelOf = (code: string) => string | undefined;

const noLabels: LabelOf = () => undefined;

/** Codes look like "HLTA.26" or "ST1414.K16": no spaces; only such values are looked up in the framework. */
const codeLike = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
/** A claim on evidence as the evidence events record it: "ST1414.K16:claimed". */
const codeWithStatus = /^([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+):([a-z]+(?:[_-][a-z]+)*)$/;

const textOf = (value: unknown, nameOf: NameOf, labelOf: LabelOf = noLabels): string | null => {
  if (value === null || value === undefined || value === '') return 'None';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (typeof value === 'string') {
    if (uuid.test(value)) return nameOf(value) ?? null;
    if (codeLike.test(value)) {
      const label = labelOf(value);
      if (label) return label;
    }
    const [, claimed, status] = codeWithStatus.exec(value) ?? [];
    const claimLabel = claimed && labelOf(claimed);
    if (claimLabel && status) return `${claimLabel} (${status.replace(/[_-]/g, ' ')})`;
    // Stored codes such as "not-needed" or "line_manager" read as words.
    return /^[a-z]+([_-][a-z]+)+$/.test(value) ? value.replace(/[_-]/g, ' ') : value;
  }
  if (Array.isArray(value)) {
    if (!value.length) return 'None';
    const shown = value.map((v) => textOf(v, nameOf, labelOf));
    const hidden = shown.filter((s) => s === null).length;
    const visible = shown.filter((s): s is string => s !== null);
    if (hidden) visible.push(hidden === 1 ? '1 record not shown' : `${hidden} records not shown`);
    return visible.join('; ');
  }
  const parts = entries(value)
    .filter(([k]) => !hiddenKeys.has(k))
    .map(([k, v]) => {
      const t = textOf(v, nameOf, labelOf);
      return t === null ? null : `${fieldLabel(k)}: ${t}`;
    })
    .filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : 'None';
};

/** One value as shown: dates kept as dates for the page's date filters; ids as names, or null when not shown. */
export const shownValue = (value: unknown, nameOf: NameOf, labelOf: LabelOf = noLabels): ShownValue | null => {
  if (typeof value === 'string' && isoDay.test(value)) return { kind: 'date', text: value };
  if (typeof value === 'string' && isoInstant.test(value)) return { kind: 'dateTime', text: value };
  const text = textOf(value, nameOf, labelOf);
  return text === null ? null : { kind: 'text', text };
};

/**
 * The before/after of each field an event changed (either side may be absent: a creation has only
 * "after"), and its other facts as details.
 */
export const changesOf = (
  data: unknown,
  nameOf: NameOf,
  labelOf: LabelOf = noLabels,
): { changes: AuditChange[]; details: AuditDetail[] } => {
  const fields = Object.fromEntries(entries(data));
  const before = fields.before;
  const after = fields.after;
  const changes: AuditChange[] = [];
  const sides = (b: unknown, a: unknown) => {
    const bs = Object.fromEntries(entries(b));
    const as = Object.fromEntries(entries(a));
    const keys = [...new Set([...Object.keys(bs), ...Object.keys(as)])].filter((k) => !hiddenKeys.has(k));
    for (const key of keys) {
      const was = key in bs ? shownValue(bs[key], nameOf, labelOf) : null;
      const now = key in as ? shownValue(as[key], nameOf, labelOf) : null;
      if (was || now) changes.push({ field: fieldLabel(key), before: was, after: now });
    }
  };
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) || isObject(after)) sides(before, after);
  else if (before !== undefined || after !== undefined) {
    const was = before === undefined || before === null ? null : shownValue(before, nameOf, labelOf);
    const now = after === undefined || after === null ? null : shownValue(after, nameOf, labelOf);
    if (was || now) changes.push({ field: 'Value', before: was, after: now });
  }
  const details: AuditDetail[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'before' || key === 'after' || hiddenKeys.has(key)) continue;
    const shown = shownValue(value, nameOf, labelOf);
    if (shown) details.push({ field: fieldLabel(key), value: shown });
  }
  return { changes, details };
};
