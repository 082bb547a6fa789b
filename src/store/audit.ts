import type { Kysely } from 'kysely';
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

export const audit = (db: Kysely<Tables>) => ({
  record: async (...events: AuditEvent[]): Promise<void> => {
    if (events.length === 0) return;
    await db
      .insertInto('audit_events')
      .values(
        events.map((e) => ({
          trust_id: e.trustId,
          actor: e.actor,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          data: JSON.stringify(e.data ?? {}),
          request_id: e.requestId ?? null,
          ...(e.occurredAt ? { occurred_at: e.occurredAt } : {}),
        })),
      )
      .execute();
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
