import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/policy/actor.ts';
import { actors } from '../../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { resolveSession, startSession } from '../auth/sessions.ts';
import { assignRole, listAccounts, removeRole, setAccountDisabled } from './accounts.ts';

describe.each(testDatabaseKinds())('user management on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const now = new Date('2026-11-22T12:00:00Z');
  const deps = () => ({ db: database.kysely, auditKey: testKeys.auditKey, clock: () => now });
  const actorOf = async (userId: string): Promise<Actor> => {
    const actor = await actors(database.kysely).load(userId);
    if (!actor) throw new Error('no actor');
    return actor;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
  });
  afterAll(() => database.close());

  it('lists the accounts in the admin’s scope with their roles', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const { accounts, total } = await listAccounts(deps(), schoolAdmin, { page: 1, pageSize: 50 });
    expect(total).toBe(6);
    expect(accounts.every((a) => a.trust_id === seeded.own.trustId)).toBe(true);
    expect(accounts.find((a) => a.id === seeded.own.users.staff.userId)?.roles.map((r) => r.role)).toEqual(['staff']);
    const staff = await actorOf(seeded.own.users.staff.userId);
    expect((await listAccounts(deps(), staff, { page: 1, pageSize: 50 })).accounts.map((a) => a.id)).toEqual([
      seeded.own.users.staff.userId,
    ]);
  });

  it('lets a school admin assign roles at their school only, and marks one headteacher', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const target = seeded.own.users.line_manager.userId;
    await expect(
      assignRole(deps(), schoolAdmin, target, { role: 'trust_admin', organisationId: seeded.own.trustId, headteacher: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      assignRole(deps(), schoolAdmin, seeded.other.users.staff.userId, {
        role: 'staff',
        organisationId: seeded.other.schoolId,
        headteacher: false,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      assignRole(deps(), schoolAdmin, target, { role: 'staff', organisationId: seeded.other.schoolId, headteacher: false }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      assignRole(deps(), schoolAdmin, target, { role: 'line_manager', organisationId: seeded.own.schoolId, headteacher: true }),
    ).rejects.toMatchObject({ code: 'validation' });
    const id = await assignRole(deps(), schoolAdmin, target, {
      role: 'school_admin',
      organisationId: seeded.own.schoolId,
      headteacher: true,
    });
    await expect(
      assignRole(deps(), schoolAdmin, seeded.own.users.staff.userId, {
        role: 'school_admin',
        organisationId: seeded.own.schoolId,
        headteacher: true,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await actorOf(target)).assignments).toContainEqual({
      role: 'school_admin',
      trustId: seeded.own.trustId,
      organisationId: seeded.own.schoolId,
      headteacher: true,
    });
    await removeRole(deps(), schoolAdmin, target, id);
    expect((await actorOf(target)).assignments.map((a) => a.role)).toEqual(['line_manager']);
    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'role_assignment')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'role.assigned', entity_id: id },
      { action: 'role.removed', entity_id: id },
    ]);
  });

  it('disabling an account ends its open sessions at once; enabling lets it sign in again', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const target = seeded.own.users.assessor.userId;
    const { token } = await startSession(
      database.kysely,
      { userId: target, trustId: seeded.own.trustId, mfaVerified: true, clientAddress: null, userAgent: null },
      now,
    );
    expect(await resolveSession(database.kysely, token, now)).toBeDefined();
    await setAccountDisabled(deps(), admin, target, true);
    expect(await resolveSession(database.kysely, token, now)).toBeUndefined();
    const session = await database.kysely
      .selectFrom('sessions')
      .select(['revoked_reason'])
      .where('user_id', '=', target)
      .executeTakeFirstOrThrow();
    expect(session.revoked_reason).toBe('account disabled');
    await setAccountDisabled(deps(), admin, target, false);
    expect(await actorOf(target)).toBeDefined();
    await expect(setAccountDisabled(deps(), admin, admin.userId, true)).rejects.toMatchObject({ code: 'validation' });
    const other = await actorOf(seeded.other.users.trust_admin.userId);
    await expect(setAccountDisabled(deps(), other, target, true)).rejects.toMatchObject({ code: 'not_found' });
  });
});
