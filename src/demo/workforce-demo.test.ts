import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { actors } from '../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { verifyAuditChains } from '../usecases/audit-log/audit-log.ts';
import { verifyPassword } from '../usecases/auth/passwords.ts';
import { storedPersonState } from '../usecases/progression/stored-person.ts';
import { WORKFORCE_TABLES } from './generate/rows.ts';
import { planWorkforce } from './generate/workforce.ts';
import { generateDemoWorkforce } from './workforce-demo.ts';
import { loadGeneratorInputs, TEST_NOW } from './workforce-testing.ts';

const clock = () => TEST_NOW;

describe.each(testDatabaseKinds())('the generated school on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('loads every row, leaves the audit chain valid with one event, and is usable by the use-cases', async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const { catalogue, proportions } = await loadGeneratorInputs();
    const input = { database, catalogue, proportions, auditKey: testKeys.auditKey, clock, scale: 'school' as const, seed: 11 };
    const result = await generateDemoWorkforce(input);
    expect(result.method).toBe(kind === 'postgres' ? 'copy' : 'insert');
    expect(result.counts.people).toBe(150);
    for (const table of WORKFORCE_TABLES) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
      expect({ table, n: rows[0]?.n }).toEqual({ table, n: result.counts[table] });
    }
    // One audit event for the whole generation, on the new trust's chain, and the chain verifies.
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('trust_id', '=', result.plan.trustId)
      .execute();
    expect(events).toEqual([{ action: 'workforce.generated', entity_id: result.plan.trustId }]);
    const reports = await verifyAuditChains({ db, auditKey: testKeys.auditKey }, { trustId: result.plan.trustId });
    expect(reports.map((r) => r.verdict.ok)).toEqual([true]);

    // The staff login signs in with the demo password and reads their own portfolio as a person state.
    const staffLogin = result.plan.logins.find((l) => l.role === 'staff');
    const account = await db
      .selectFrom('user_accounts')
      .selectAll()
      .where('email', '=', staffLogin?.email ?? '')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(account.password_hash, result.password)).toBe(true);
    const actor = await actors(db).load(account.id);
    if (!actor || !account.person_id) throw new Error('the staff login has no actor');
    const state = await storedPersonState({ db, auditKey: testKeys.auditKey, clock, catalogue }, actor, account.person_id);
    expect(Object.keys(state.state.judgements).length).toBeGreaterThan(10);
    // Their line manager is the line-manager login, who sees them among their reports.
    const managerLogin = result.plan.logins.find((l) => l.role === 'line_manager');
    const manager = await db
      .selectFrom('user_accounts')
      .select('id')
      .where('email', '=', managerLogin?.email ?? '')
      .executeTakeFirstOrThrow();
    expect((await actors(db).load(manager.id))?.reportIds).toContain(account.person_id);

    // The same seed again is refused, and changes nothing.
    await expect(generateDemoWorkforce(input)).rejects.toMatchObject({ code: 'conflict' });
    const people = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people`.execute(db);
    expect(people.rows[0]?.n).toBe(result.counts.people);
  }, 120_000);

  it('stops at the school that fails, keeps what was loaded, and says the trust is incomplete', async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const { catalogue, proportions } = await loadGeneratorInputs();
    const input = { database, catalogue, proportions, auditKey: testKeys.auditKey, clock, scale: 'school' as const, seed: 13 };
    // Someone already has the staff login's email, so the school's accounts cannot be written.
    const taken = planWorkforce(input).logins.find((l) => l.role === 'staff')?.email ?? '';
    await db
      .insertInto('user_accounts')
      .values({ id: crypto.randomUUID(), trust_id: crypto.randomUUID(), person_id: null, email: taken, password_hash: null })
      .execute();
    await expect(generateDemoWorkforce(input)).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('stopped after 0 of 1 schools'),
    });
    const people = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people WHERE trust_id = ${planWorkforce(input).trustId}`.execute(
      db,
    );
    expect(people.rows[0]?.n).toBe(1);
    const events = await db.selectFrom('audit_events').select('id').where('action', '=', 'workforce.generated').execute();
    expect(events).toEqual([]);
  }, 120_000);
});
