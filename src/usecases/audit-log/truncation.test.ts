import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../../store/audit.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { verifyAuditChains } from './audit-log.ts';

describe.each(testDatabaseKinds())('audit verify against the chain head on %s', (kind) => {
  let database: TestDatabase;
  const trustId = crypto.randomUUID();
  const deps = () => ({ db: database.kysely, auditKey: testKeys.auditKey });
  const log = () => audit(database.kysely, testKeys.auditKey);
  const ids = async () =>
    (await database.kysely.selectFrom('audit_events').select('id').where('chain', '=', trustId).orderBy('id').execute()).map((r) =>
      String(r.id),
    );
  /** What someone with database access (but not the key) could do: the append-only trigger switched off. */
  const tamper = async (statement: ReturnType<typeof sql>) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    try {
      await statement.execute(database.kysely);
    } finally {
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    }
  };

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    const events = Array.from({ length: 510 }, (_, n) => ({
      trustId,
      actor: 'test',
      action: 'access.refused' as const,
      entity: 'test',
      entityId: String(n),
    }));
    await log().record(...events);
  });
  afterEach(() => database.close());

  it('verifies a whole chain of 510 events, ending at the event its head records with its count', async () => {
    const all = await ids();
    expect(await log().headOf(trustId)).toMatchObject({ lastEventId: all.at(-1), eventCount: 510 });
    expect(await verifyAuditChains(deps())).toEqual([{ chain: trustId, verdict: { ok: true, checked: 510 } }]);
  });

  it.each([1, 500])('reports the newest %i events deleted', async (deleted) => {
    const all = await ids();
    const keptLast = all[all.length - deleted - 1];
    await tamper(sql`DELETE FROM audit_events WHERE chain = ${trustId} AND id > ${Number(keptLast)}`);
    const [report] = await verifyAuditChains(deps());
    expect(report?.verdict).toEqual({
      ok: false,
      checked: 510 - deleted,
      brokenAt: keptLast,
      missing: deleted,
      headEventId: all.at(-1),
      reason: `${deleted} events missing after event ${keptLast} (the head records event ${all.at(-1)})`,
    });
  });

  it('reports every event deleted, and a deleted head', async () => {
    const all = await ids();
    await tamper(sql`DELETE FROM audit_events WHERE chain = ${trustId}`);
    expect((await verifyAuditChains(deps()))[0]?.verdict).toMatchObject({
      ok: false,
      reason: `510 events missing after the start of the chain (the head records event ${all.at(-1)})`,
    });
    await log().record({ trustId: null, actor: 'test', action: 'access.refused' as const, entity: 'test', entityId: 'x' });
    await database.kysely.deleteFrom('audit_chain_heads').where('chain', '=', 'instance').execute();
    const instance = (await verifyAuditChains(deps())).find((r) => r.chain === 'instance');
    expect(instance?.verdict).toMatchObject({ ok: false, reason: 'its head is missing (1 events have no head)' });
  });

  it('reports events inserted after the head’s event without moving the head', async () => {
    const all = await ids();
    await sql`INSERT INTO audit_events (trust_id, chain, occurred_at, actor, action, entity, entity_id, data, data_digest, digest, link)
      SELECT trust_id, chain, occurred_at, 'intruder', action, entity, entity_id, data, data_digest, digest, link
      FROM audit_events WHERE id = ${Number(all.at(-1))}`.execute(database.kysely);
    expect((await verifyAuditChains(deps()))[0]?.verdict).toEqual({
      ok: false,
      checked: 510,
      brokenAt: all.at(-1),
      reason: `1 events follow the event its head records (event ${all.at(-1)}) without moving the head (inserted directly)`,
    });
  });
});
