import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/policy/actor.ts';
import { actors } from '../../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { listPeople, showPerson } from './people.ts';

describe.each(testDatabaseKinds())('the staff directory on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const actorOf = async (userId: string): Promise<Actor> => {
    const actor = await actors(database.kysely).load(userId);
    if (!actor) throw new Error('no actor');
    return actor;
  };
  const deps = () => ({ db: database.kysely, auditKey: testKeys.auditKey });
  const query = { includeLeavers: false, sort: 'name' as const, page: 1, pageSize: 50 };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
  });
  afterAll(() => database.close());

  it('shows a trust admin their trust only, without leavers unless asked', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const current = await listPeople(deps(), admin, query);
    expect(current.total).toBe(7);
    expect(current.rows.every((r) => r.trust_id === seeded.own.trustId)).toBe(true);
    const withLeavers = await listPeople(deps(), admin, { ...query, includeLeavers: true });
    expect(withLeavers.rows.map((r) => r.id)).toContain(seeded.own.leaverId);
  });

  it('shows a line manager their report and themselves, and staff only themselves', async () => {
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    const seen = await listPeople(deps(), manager, query);
    expect(seen.rows.map((r) => r.id).sort()).toEqual([seeded.own.reportId, seeded.own.users.line_manager.personId].sort());
    const staff = await actorOf(seeded.own.users.staff.userId);
    expect((await listPeople(deps(), staff, query)).rows.map((r) => r.id)).toEqual([seeded.own.reportId]);
  });

  it('searches by name, email and staff code, filters by role and specialism, and paginates', async () => {
    const admin = await actorOf(seeded.own.users.school_admin.userId);
    expect((await listPeople(deps(), admin, { ...query, q: 'other pers' })).rows.map((r) => r.id)).toEqual([seeded.own.otherPersonId]);
    expect((await listPeople(deps(), admin, { ...query, q: 'ALPHA-OTHER-PERSON' })).total).toBe(1);
    expect((await listPeople(deps(), admin, { ...query, q: 'other.person@alpha' })).total).toBe(1);
    expect((await listPeople(deps(), admin, { ...query, q: '%' })).total).toBe(0);
    expect((await listPeople(deps(), admin, { ...query, gradedRole: 'TA4' })).rows.map((r) => r.id)).toEqual([seeded.own.otherPersonId]);
    expect((await listPeople(deps(), admin, { ...query, specialism: 'a' })).rows.map((r) => r.id)).toEqual([seeded.own.reportId]);
    const page2 = await listPeople(deps(), admin, { ...query, page: 2, pageSize: 5 });
    expect(page2.total).toBe(7);
    expect(page2.rows).toHaveLength(2);
  });

  it('refuses a person outside the actor’s scope and audits the refusal', async () => {
    const admin = await actorOf(seeded.own.users.school_admin.userId);
    // Another trust's person is answered as unknown, exactly as an id that does not exist; still audited.
    await expect(showPerson(deps(), admin, seeded.other.reportId)).rejects.toMatchObject({ code: 'not_found' });
    const refused = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'entity_id'])
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', seeded.other.reportId)
      .execute();
    expect(refused).toEqual([{ actor: seeded.own.users.school_admin.userId, entity_id: seeded.other.reportId }]);
    const shown = await showPerson(deps(), admin, seeded.own.users.line_manager.personId);
    expect(shown.reports.map((r) => r.id)).toEqual([seeded.own.reportId]);
  });
});
