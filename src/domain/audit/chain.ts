import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The tamper-evident audit chain. Each event's digest covers its fields and a digest of its
 * personal data; each link is an HMAC over the digest and the previous link, keyed by a secret
 * held outside the database. Someone with only database access can neither alter an event nor
 * recompute the links. Because links cover the data *digest*, a lawful erasure can blank an
 * event's personal data (keeping its digest) and the chain still verifies.
 */
export type AuditEventFields = {
  trustId: string | null;
  occurredAt: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  requestId: string | null;
};

export type ChainedEvent = AuditEventFields & {
  id: string;
  /** Personal data (before/after of changed fields); `null` once redacted. */
  data: unknown;
  dataDigest: string;
  digest: string;
  link: string;
};

/** JSON with object keys sorted, so equal values always hash equally. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Digest of an event's personal data. */
export const dataDigestOf = (data: unknown): string => sha256(canonicalJson(data ?? null));

/** Digest of an event: its fields plus the digest of its data. */
export const eventDigestOf = (fields: AuditEventFields, dataDigest: string): string => sha256(canonicalJson({ ...fields, dataDigest }));

/** The link that chains an event to the one before it in its trust's chain. */
export const linkOf = (key: Uint8Array, previousLink: string | null, digest: string): string =>
  createHmac('sha256', key)
    .update(`${previousLink ?? 'genesis'}\n${digest}`)
    .digest('hex');

/** Seals a new event onto the end of a chain. */
export const sealEvent = (key: Uint8Array, previousLink: string | null, fields: AuditEventFields, data: unknown) => {
  const dataDigest = dataDigestOf(data);
  const digest = eventDigestOf(fields, dataDigest);
  return { dataDigest, digest, link: linkOf(key, previousLink, digest) };
};

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: string; reason: string }
  | { ok: false; checked: number; brokenAt: string; reason: string; missing: number; headEventId: string };

/** What the chain's head records about its newest event (see store/audit.ts). */
export type ChainHeadRecord = { lastEventId: string; lastLink: string; eventCount: number };

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/**
 * Walks one trust's chain in order and reports the first broken link. Given the chain's head, it also
 * checks that the walk ends at the event the head records, with its link and count, so events removed
 * from the end of the chain are reported too.
 */
export const verifyChain = (key: Uint8Array, events: Iterable<ChainedEvent>, head?: ChainHeadRecord): ChainVerdict => {
  let previous: string | null = null;
  let lastId: string | null = null;
  let checked = 0;
  for (const event of events) {
    const { id, data, dataDigest, digest, link, ...rest } = event;
    const fields: AuditEventFields = rest;
    if (data !== null && !sameHex(dataDigestOf(data), dataDigest))
      return { ok: false, checked, brokenAt: id, reason: 'its data was changed' };
    if (!sameHex(eventDigestOf(fields, dataDigest), digest)) return { ok: false, checked, brokenAt: id, reason: 'its fields were changed' };
    if (!sameHex(linkOf(key, previous, digest), link))
      return {
        ok: false,
        checked,
        brokenAt: id,
        reason: 'its link does not follow from the event before it (removed, reordered or forged)',
      };
    previous = link;
    lastId = id;
    checked += 1;
  }
  return head ? checkHead(head, { checked, lastId, lastLink: previous }) : { ok: true, checked };
};

const checkHead = (head: ChainHeadRecord, walked: { checked: number; lastId: string | null; lastLink: string | null }): ChainVerdict => {
  const { checked, lastId, lastLink } = walked;
  const endsAtHead = lastId === head.lastEventId && lastLink !== null && sameHex(lastLink, head.lastLink);
  const emptyHead = head.eventCount === 0 && head.lastLink === '';
  if ((endsAtHead || (emptyHead && lastId === null)) && checked === head.eventCount) return { ok: true, checked };
  const after = lastId === null ? 'the start of the chain' : `event ${lastId}`;
  const missing = head.eventCount - checked;
  if (missing > 0)
    return {
      ok: false,
      checked,
      brokenAt: lastId ?? 'start',
      missing,
      headEventId: head.lastEventId,
      reason: `${missing} events missing after ${after} (the head records event ${head.lastEventId})`,
    };
  return {
    ok: false,
    checked,
    brokenAt: lastId ?? 'start',
    missing: 0,
    headEventId: head.lastEventId,
    reason: `the chain ends at ${after} after ${checked} events, but its head records event ${head.lastEventId} as event number ${head.eventCount}`,
  };
};
