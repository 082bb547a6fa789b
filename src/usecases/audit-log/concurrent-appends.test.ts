import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { authorize } from '../authorize.ts';
import { verifyAuditChains } from './audit-log.ts';

/** A signed-in user of some other trust: every request about this trust's people is refused (as forbidden or not found) and audited. */
const stranger: Actor = {
  kind: 'user',
  userId: crypto.randomUUID(),
  personId: null,
  assignments: [],
  reportIds: [],
  apprenticeIds: [],
  partnershipIds: [],
};

describe.each(testDatabaseKinds())('appending to the audit chain on %s', (kind) => {
  let database: TestDatabase;
  const trustId = crypto.randomUUID();
  const deps = () => ({ db: database.kysely, auditKey: testKeys.auditKey });
  const refuse = (personId: string) =>
    authorize(deps(), stranger, 'person.read', { type: 'person', trustId, organisationId: trustId, personId });
  const event = (n: number) => ({
    trustId,
    actor: 'test',
    action: 'access.refused' as const,
    entity: 'test',
    entityId: String(n),
    data: { n },
  });

  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('keeps the chain verifiable under 50 concurrent refusals outside any transaction', async () => {
    const refusals = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => refuse(`person-${i}`)));
    expect(refusals.every((r) => r.status === 'rejected' && ['forbidden', 'not_found'].includes(r.reason.code))).toBe(true);
    expect(await verifyAuditChains(deps())).toEqual([{ chain: trustId, verdict: { ok: true, checked: 50 } }]);
    expect(await audit(database.kysely, testKeys.auditKey).headOf(trustId)).toMatchObject({ eventCount: 50 });
  });

  it('serialises concurrent writes in transactions and refusals on a chain that has no head yet', async () => {
    const writes = Array.from({ length: 25 }, (_, i) =>
      database.kysely.transaction().execute(async (trx) => {
        await audit(trx, testKeys.auditKey).record(event(i * 2));
        // Other work in the same transaction while it holds the head.
        await trx.selectFrom('organisations').select('id').execute();
        await audit(trx, testKeys.auditKey).record(event(i * 2 + 1));
      }),
    );
    const refusals = Array.from({ length: 25 }, (_, i) => refuse(`person-${i}`).catch(() => 'refused'));
    const many = Array.from({ length: 10 }, (_, i) => audit(database.kysely, testKeys.auditKey).record(event(100 + i), event(200 + i)));
    await Promise.all([...writes, ...refusals, ...many]);
    const [report] = await verifyAuditChains(deps());
    expect(report).toEqual({ chain: trustId, verdict: { ok: true, checked: 25 * 2 + 25 + 10 * 2 } });
    // The events of one `record` call sit next to each other on the chain.
    const rows = await database.kysely.selectFrom('audit_events').select('entity_id').where('chain', '=', trustId).orderBy('id').execute();
    const order = rows.map((r) => r.entity_id);
    for (let i = 0; i < 10; i++) expect(order.indexOf(String(200 + i))).toBe(order.indexOf(String(100 + i)) + 1);
  });

  it('rolls the head back with a transaction that fails, so the chain still verifies', async () => {
    await audit(database.kysely, testKeys.auditKey).record(event(1));
    await expect(
      database.kysely.transaction().execute(async (trx) => {
        await audit(trx, testKeys.auditKey).record(event(2));
        throw new Error('the use-case failed');
      }),
    ).rejects.toThrow('the use-case failed');
    await audit(database.kysely, testKeys.auditKey).record(event(3));
    expect(await verifyAuditChains(deps())).toEqual([{ chain: trustId, verdict: { ok: true, checked: 2 } }]);
  });
});
