import type { Kysely } from 'kysely';
import type { AuditAction } from '../contracts/audit-actions.ts';
import { type ChainedEvent, type ChainHeadRecord, sealEvent } from '../domain/audit/chain.ts';
import type { Tables } from './tables.ts';

/** One append-only audit event, emitted explicitly by a use-case. */
export type AuditEvent = {
  trustId: string | null;
  actor: string;
  /** One of the typed actions (contracts/audit-actions.ts): a free string does not compile. */
  action: AuditAction;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
  requestId?: string | null;
  occurredAt?: Date;
};

/** Events of one trust share a chain, so trusts never wait for each other's writes. */
export const chainOf = (trustId: string | null) => trustId ?? 'instance';

const INSTANT_PRECISION = (date: Date) => new Date(Math.floor(date.getTime()));

/**
 * The audit log. `record` seals each event onto its trust's chain (see domain/audit/chain.ts) under a
 * row lock on the chain head, inside the caller's transaction, or in a transaction of its own when
 * called outside one (a refusal, say), so concurrent appends never race; nothing here updates or
 * deletes events.
 */
export const audit = (db: Kysely<Tables>, key: Uint8Array) => ({
  record: async (...events: AuditEvent[]): Promise<void> => {
    if (events.length === 0) return;
    const append = async (trx: Kysely<Tables>) => {
      for (const event of events) await appendEvent(trx, key, event);
    };
    if (db.isTransaction) await append(db);
    else await db.transaction().execute(append);
  },

  /** The head of one chain; undefined when the chain has none. */
  headOf: async (chain: string): Promise<ChainHeadRecord | undefined> => {
    const row = await db
      .selectFrom('audit_chain_heads')
      .select(['last_event_id', 'last_link', 'event_count'])
      .where('chain', '=', chain)
      .executeTakeFirst();
    return row && { lastEventId: String(row.last_event_id), lastLink: row.last_link, eventCount: row.event_count };
  },

  /** One chain in order, as the verifier needs it; `upTo` stops at that event (the one the head recorded when read). */
  readChain: async function* (chain: string, options: { upTo?: string; batchSize?: number } = {}): AsyncGenerator<ChainedEvent> {
    const batchSize = options.batchSize ?? 1000;
    let after = 0;
    for (;;) {
      let query = db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('id', '>', after);
      if (options.upTo !== undefined) query = query.where('id', '<=', Number(options.upTo));
      const rows = await query.orderBy('id').limit(batchSize).execute();
      for (const row of rows) {
        yield {
          id: String(row.id),
          trustId: row.trust_id,
          occurredAt: row.occurred_at.toISOString(),
          actor: row.actor,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          requestId: row.request_id,
          data: row.data,
          dataDigest: row.data_digest ?? '',
          digest: row.digest ?? '',
          link: row.link ?? '',
        };
      }
      if (rows.length < batchSize) return;
      after = rows.at(-1)?.id ?? after;
    }
  },

  /** Every chain: those with a head, and any with events but no head (a deleted head must not hide its chain). */
  chains: async (): Promise<string[]> =>
    (
      await db
        .selectFrom('audit_chain_heads')
        .select('chain')
        .union(db.selectFrom('audit_events').select('chain'))
        .orderBy('chain')
        .execute()
    ).map((r) => r.chain),

  /**
   * Events of a chain newer than the one its head records. Appends move the head in the same
   * transaction, so there should be none; one statement, so a concurrent append cannot be miscounted.
   */
  countBeyondHead: async (chain: string): Promise<number> => {
    const row = await db
      .selectFrom('audit_events as e')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('e.chain', '=', chain)
      .where((eb) => eb('e.id', '>', eb.selectFrom('audit_chain_heads as h').select('h.last_event_id').where('h.chain', '=', chain)))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  listByEntity: (trustId: string | null, entity: string) =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where((eb) => (trustId === null ? eb('trust_id', 'is', null) : eb('trust_id', '=', trustId)))
      .where('entity', '=', entity)
      .orderBy('id')
      .execute(),
});
export type Audit = ReturnType<typeof audit>;

/**
 * Appends one event; `trx` must be a transaction. The head row is created if missing (ON CONFLICT DO
 * NOTHING waits for a concurrent creator and then does nothing) and then locked FOR UPDATE before it
 * is read, so appends to one chain take turns until the appending transaction ends.
 */
const appendEvent = async (trx: Kysely<Tables>, key: Uint8Array, event: AuditEvent) => {
  const chain = chainOf(event.trustId);
  await trx
    .insertInto('audit_chain_heads')
    .values({ chain, last_event_id: 0, last_link: '', event_count: 0 })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_chain_heads')
    .select(['last_link'])
    .where('chain', '=', chain)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Milliseconds only: what PostgreSQL stores must hash the same when read back.
  const occurredAt = INSTANT_PRECISION(event.occurredAt ?? new Date());
  const fields = {
    trustId: event.trustId,
    occurredAt: occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    requestId: event.requestId ?? null,
  };
  // The digest must match what jsonb gives back: Dates become strings, undefined disappears.
  const data: unknown = JSON.parse(JSON.stringify(event.data ?? {}));
  const seal = sealEvent(key, head.last_link || null, fields, data);
  const inserted = await trx
    .insertInto('audit_events')
    .values({
      trust_id: event.trustId,
      chain,
      occurred_at: occurredAt,
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      data: JSON.stringify(data),
      request_id: event.requestId ?? null,
      data_digest: seal.dataDigest,
      digest: seal.digest,
      link: seal.link,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('audit_chain_heads')
    .set((eb) => ({ last_event_id: inserted.id, last_link: seal.link, event_count: eb('event_count', '+', 1) }))
    .where('chain', '=', chain)
    .execute();
};
