import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../contracts/config.ts';
import { actors } from '../../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTrust } from '../../testing/mail.ts';
import { acceptInvitation, findOpenInvitation, type InvitationDeps, inviteUser } from './invitations.ts';
import { cheapPasswordCost, verifyPassword } from './passwords.ts';

const password = 'marble lantern thistle harbour';

describe.each(testDatabaseKinds())('invitations on %s', (kind) => {
  let database: TestDatabase;
  let now: Date;
  let deps: InvitationDeps;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    now = new Date('2026-03-01T09:00:00Z');
    seeded = await seedTrust(database.kysely, null);
    deps = {
      db: database.kysely,
      config: readConfig({ publicUrl: 'https://pathways.example' }, {}),
      demo: false,
      clock: () => now,
      auditKey: testKeys.auditKey,
      passwordCost: cheapPasswordCost,
    };
  });
  afterEach(async () => {
    await database.close();
  });

  const actor = async (userId: string) => {
    const loaded = await actors(database.kysely).load(userId);
    if (!loaded) throw new Error('no actor');
    return loaded;
  };
  const tokenOf = async (email: string) => {
    const message = await database.kysely
      .selectFrom('outbox_messages')
      .select('body_text')
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow();
    const match = /https:\/\/pathways\.example\/invitations\/([A-Za-z0-9_-]{43})/.exec(message.body_text);
    if (!match?.[1]) throw new Error('no invitation link');
    return match[1];
  };

  it('creates a password-less account with its roles, emails a 7-day link, and the link sets a password once', async () => {
    const { userId } = await inviteUser(deps, await actor(seeded.schoolAdminA), {
      email: 'New.Person@oak.example',
      roles: [
        { role: 'line_manager', organisationId: seeded.schoolA },
        { role: 'staff', organisationId: seeded.schoolA },
      ],
    });
    const account = await database.kysely.selectFrom('user_accounts').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: 'new.person@oak.example', password_hash: null, trust_id: seeded.trustId });
    expect((await actor(userId)).assignments.map((a) => a.role).sort()).toEqual(['line_manager', 'staff']);
    const invitation = await database.kysely.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(invitation.expires_at.getTime() - now.getTime()).toBe(7 * 86_400_000);
    const token = await tokenOf('new.person@oak.example');
    expect(invitation.token_hash).not.toContain(token);

    expect(await findOpenInvitation(deps, token)).toEqual({ email: 'new.person@oak.example' });
    await expect(acceptInvitation(deps, { token, password: 'short' })).rejects.toMatchObject({ code: 'validation' });
    await acceptInvitation(deps, { token, password });
    const after = await database.kysely
      .selectFrom('user_accounts')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(after.password_hash, password)).toBe(true);
    await expect(acceptInvitation(deps, { token, password: 'another long passphrase entirely' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await findOpenInvitation(deps, token)).toBeUndefined();

    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor'])
      .where('trust_id', '=', seeded.trustId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['account.invited', 'role.assigned', 'role.assigned', 'invitation.accepted']);
  });

  it('refuses an expired invitation', async () => {
    await inviteUser(deps, await actor(seeded.trustAdmin), {
      email: 'late@oak.example',
      roles: [{ role: 'staff', organisationId: seeded.schoolB }],
    });
    const token = await tokenOf('late@oak.example');
    now = new Date(now.getTime() + 7 * 86_400_000 + 1);
    await expect(acceptInvitation(deps, { token, password })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a school admin cannot invite into another school nor make a trust admin; staff cannot invite; refusals are audited', async () => {
    const schoolAdmin = await actor(seeded.schoolAdminA);
    await expect(
      inviteUser(deps, schoolAdmin, { email: 'x@oak.example', roles: [{ role: 'staff', organisationId: seeded.schoolB }] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      inviteUser(deps, schoolAdmin, { email: 'y@oak.example', roles: [{ role: 'trust_admin', organisationId: seeded.trustId }] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      inviteUser(deps, await actor(seeded.staffA), { email: 'z@oak.example', roles: [{ role: 'staff', organisationId: seeded.schoolA }] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(
      await database.kysely
        .selectFrom('user_accounts')
        .select('id')
        .where('email', 'in', ['x@oak.example', 'y@oak.example', 'z@oak.example'])
        .execute(),
    ).toEqual([]);
    const refused = await database.kysely.selectFrom('audit_events').select('action').where('action', '=', 'access.refused').execute();
    expect(refused).toHaveLength(3);
  });

  it('refuses an email that already has an account', async () => {
    await expect(
      inviteUser(deps, await actor(seeded.trustAdmin), {
        email: 'ALEX@oak.example',
        roles: [{ role: 'staff', organisationId: seeded.schoolA }],
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
