import type { Kysely } from 'kysely';
import { type ChainedEvent, sealEvent } from '../domain/audit/chain.ts';
import type { Tables } from './tables.ts';

/** One append-only audit event, emitted explicitly by a use-case. */
export type AuditEvent = {
  trustId: string | null;
  actor: string;
  action: string;
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
 * row lock on the chain head, inside the caller's transaction; nothing here updates or deletes events.
 */
export const audit = (db: Kysely<Tables>, key: Uint8Array) => ({
  record: async (...events: AuditEvent[]): Promise<void> => {
    for (const event of events) await appendEvent(db, key, event);
  },

  /** One chain in order, as the verifier needs it. */
  readChain: async function* (chain: string, batchSize = 1000): AsyncGenerator<ChainedEvent> {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain', '=', chain)
        .where('id', '>', after)
        .orderBy('id')
        .limit(batchSize)
        .execute();
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

  chains: async (): Promise<string[]> =>
    (await db.selectFrom('audit_chain_heads').select('chain').orderBy('chain').execute()).map((r) => r.chain),

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

const appendEvent = async (db: Kysely<Tables>, key: Uint8Array, event: AuditEvent) => {
  const chain = chainOf(event.trustId);
  await db
    .insertInto('audit_chain_heads')
    .values({ chain, last_event_id: 0, last_link: '' })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = await db
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
  const inserted = await db
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
  await db.updateTable('audit_chain_heads').set({ last_event_id: inserted.id, last_link: seal.link }).where('chain', '=', chain).execute();
};
