import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/policy/actor.ts';
import { actors } from '../../store/actors.ts';
import { audit } from '../../store/audit.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { assignRole, setAccountDisabled } from '../accounts-admin/accounts.ts';
import { updateOrganisation } from '../organisations/organisations.ts';
import { OPERATOR_ACTOR } from '../organisations/trusts.ts';
import { exportAuditCsv, listAuditEvents, verifyAuditChains } from './audit-log.ts';

describe.each(testDatabaseKinds())('the audit trail on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const deps = () => ({ db: database.kysely, auditKey: testKeys.auditKey, clock: () => new Date('2026-11-22T12:00:00Z') });
  const actorOf = async (userId: string): Promise<Actor> => {
    const actor = await actors(database.kysely).load(userId);
    if (!actor) throw new Error('no actor');
    return actor;
  };
  const page = { page: 1, pageSize: 100 };

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    await updateOrganisation(deps(), admin, seeded.own.schoolId, { name: 'Renamed School', phase: 'secondary', nation: 'Wales' });
    await setAccountDisabled(deps(), admin, seeded.own.users.staff.userId, true);
    await assignRole(deps(), admin, seeded.own.users.staff.userId, {
      role: 'line_manager',
      organisationId: seeded.own.schoolId,
      headteacher: false,
    });
    const otherAdmin = await actorOf(seeded.other.users.trust_admin.userId);
    await updateOrganisation(deps(), otherAdmin, seeded.other.schoolId, { name: 'Other Renamed', phase: 'primary', nation: 'England' });
  });
  afterEach(() => database.close());

  it('verifies intact chains, then reports exactly the event altered directly in SQL', async () => {
    const before = await verifyAuditChains(deps());
    expect(before.map((r) => r.verdict.ok)).toEqual([true, true]);
    const target = await database.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'account.disabled')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    await sql`UPDATE audit_events SET data = '{"before":{"disabledAt":null},"after":{"disabledAt":null}}'::jsonb WHERE id = ${target.id}`.execute(
      database.kysely,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    const reports = await verifyAuditChains(deps());
    const own = reports.find((r) => r.chain === seeded.own.trustId);
    // Before it: the trust's creation and the school's renaming.
    expect(own?.verdict).toEqual({ ok: false, checked: 2, brokenAt: String(target.id), reason: 'its data was changed' });
    expect(reports.find((r) => r.chain === seeded.other.trustId)?.verdict.ok).toBe(true);
    expect((await verifyAuditChains(deps(), { trustId: seeded.other.trustId })).map((r) => r.verdict.ok)).toEqual([true]);
  });

  it('refuses the application’s own UPDATE and DELETE of audit events', async () => {
    await expect(database.kysely.updateTable('audit_events').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
    await expect(database.kysely.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    expect((await verifyAuditChains(deps())).every((r) => r.verdict.ok)).toBe(true);
  });

  it('records before and after of each change', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const { rows } = await listAuditEvents(deps(), admin, {}, page);
    expect(rows.map((r) => r.action)).toEqual(['role.assigned', 'account.disabled', 'organisation.updated', 'organisation.created']);
    expect(rows[3]).toMatchObject({ actor: OPERATOR_ACTOR, entity_id: seeded.own.trustId });
    expect(rows[2]?.data).toEqual({
      before: { name: 'alpha School', phase: 'primary', nation: 'England' },
      after: { name: 'Renamed School', phase: 'secondary', nation: 'Wales' },
    });
    expect(rows[0]?.data).toMatchObject({ before: null, after: { role: 'line_manager', headteacher: false } });
    expect(rows.slice(0, 3).every((r) => r.actor === admin.userId && r.trust_id === seeded.own.trustId)).toBe(true);
  });

  it('shows a school admin their school’s events only and filters by action, entity and date', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const seen = await listAuditEvents(deps(), schoolAdmin, {}, page);
    expect(seen.rows.map((r) => r.action).sort()).toEqual(['account.disabled', 'organisation.updated', 'role.assigned']);
    expect((await listAuditEvents(deps(), schoolAdmin, { entity: 'user_account' }, page)).total).toBe(1);
    expect((await listAuditEvents(deps(), schoolAdmin, { action: 'role.assigned' }, page)).total).toBe(1);
    expect((await listAuditEvents(deps(), schoolAdmin, { to: new Date('2026-11-22T11:00:00Z') }, page)).total).toBe(0);
    const staff = await actorOf(seeded.own.users.line_manager.userId);
    await expect(listAuditEvents(deps(), staff, {}, page)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows a school admin the portfolio events of their school’s people, and none of another school’s', async () => {
    const db = database.kysely;
    const own = seeded.own.users.staff.personId;
    const other = seeded.other.users.staff.personId;
    const evidenceOf = async (trustId: string, personId: string, userId: string) => {
      const id = crypto.randomUUID();
      await db
        .insertInto('evidence_items')
        .values({
          id,
          trust_id: trustId,
          person_id: personId,
          kind: 'reflective-account',
          title: 'Phonics group',
          occurred_on: '2026-11-20',
          status: 'submitted',
          created_by: userId,
          created_at: new Date(),
          updated_at: new Date(),
          submitted_at: new Date(),
          decided_at: null,
          removed_at: null,
        })
        .execute();
      return id;
    };
    const trustOf = async (personId: string) =>
      (await db.selectFrom('people').select('trust_id').where('id', '=', personId).executeTakeFirstOrThrow()).trust_id;
    const [ownTrust, otherTrust] = [await trustOf(own), await trustOf(other)];
    const portfolioEvents = async (trustId: string, personId: string, userId: string) => [
      {
        trustId,
        actor: personId,
        action: 'cpd.added' as const,
        entity: 'cpd_activity',
        entityId: crypto.randomUUID(),
        data: { personId, before: null, after: { title: 'Course' } },
      },
      {
        trustId,
        actor: personId,
        action: 'training.recorded' as const,
        entity: 'training_record',
        entityId: crypto.randomUUID(),
        data: { after: { personId, kind: 'safeguarding' } },
      },
      {
        trustId,
        actor: personId,
        action: 'evidence.submitted' as const,
        entity: 'evidence',
        entityId: await evidenceOf(trustId, personId, userId),
        data: { before: { status: 'draft' }, after: { status: 'submitted' } },
      },
    ];
    await audit(db, testKeys.auditKey).record(
      ...(await portfolioEvents(ownTrust, own, seeded.own.users.staff.userId)),
      ...(await portfolioEvents(otherTrust, other, seeded.other.users.staff.userId)),
    );

    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const seen = await listAuditEvents(deps(), schoolAdmin, {}, page);
    const portfolio = seen.rows.filter((r) => ['cpd_activity', 'training_record', 'evidence'].includes(r.entity));
    expect(portfolio.map((r) => r.action).sort()).toEqual(['cpd.added', 'evidence.submitted', 'training.recorded']);
    expect(portfolio.every((r) => r.trust_id === ownTrust)).toBe(true);
  });

  it('exports CSV with every cell neutralised against formula injection', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    await updateOrganisation(deps(), admin, seeded.own.schoolId, {
      name: '=HYPERLINK("http://evil")',
      phase: 'secondary',
      nation: 'Wales',
    });
    const csv = await exportAuditCsv(deps(), admin, { action: 'organisation.updated' });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurred_at,actor,action,entity,entity_id,request_id,data');
    expect(lines).toHaveLength(3);
    expect(csv).not.toMatch(/(^|,)"?=/m);
    expect(csv).toContain('HYPERLINK');
    const exported = await database.kysely.selectFrom('audit_events').select('action').where('action', '=', 'audit.exported').execute();
    expect(exported).toHaveLength(1);
  });
});
