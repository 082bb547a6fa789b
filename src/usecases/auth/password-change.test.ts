import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.ts';
import { actors } from '../../store/actors.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { type AuthFixture, openAuthFixture } from '../../testing/auth.ts';
import { changePassword } from './password-change.ts';
import { cheapPasswordCost } from './passwords.ts';
import { resolveSession } from './sessions.ts';
import { signIn } from './sign-in.ts';

const NEW_PASSWORD = 'correct horse battery staple lighthouse';

describe.each(testDatabaseKinds())('changePassword on %s', (kind) => {
  let fixture: AuthFixture | undefined;
  afterEach(async () => {
    await fixture?.database.close();
    fixture = undefined;
  });

  const setUp = async () => {
    fixture = await openAuthFixture(kind);
    const f = fixture;
    const db = f.database.kysely;
    const staff = f.login('staff');
    const signInDeps = { db, auditKey: f.context.keys.auditKey, clock: f.clock.now, demo: false };
    const signInWith = (password: string) =>
      signIn(signInDeps, { email: staff.email, password, clientAddress: '203.0.113.5', userAgent: null });
    const actor = await actors(db).load(await f.userIdOf(staff.email));
    if (!actor) throw new Error('no actor');
    const deps = { db, auditKey: f.context.keys.auditKey, clock: f.clock.now, passwordCost: cheapPasswordCost };
    return { f, db, staff, signInWith, actor, deps };
  };

  it('changes the password, keeps this session, revokes every other one, and audits it', async () => {
    const { f, db, signInWith, actor, deps } = await setUp();
    const here = await signInWith(DEMO_PASSWORD);
    const elsewhere = await signInWith(DEMO_PASSWORD);
    await changePassword(deps, actor, here.sessionId, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await resolveSession(db, here.token, f.clock.now())).toBeDefined();
    expect(await resolveSession(db, elsewhere.token, f.clock.now())).toBeUndefined();
    await expect(signInWith(DEMO_PASSWORD)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(signInWith(NEW_PASSWORD)).resolves.toMatchObject({ mfa: 'none' });
    const events = await db.selectFrom('audit_events').selectAll().where('action', '=', 'account.password-changed').execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password and a weak or personal new one, changing nothing', async () => {
    const { f, db, staff, signInWith, actor, deps } = await setUp();
    const here = await signInWith(DEMO_PASSWORD);
    const elsewhere = await signInWith(DEMO_PASSWORD);
    await expect(
      changePassword(deps, actor, here.sessionId, { currentPassword: 'wrong password!', newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: 'currentPassword' }],
    });
    for (const weak of [
      'short',
      'password1234',
      staff.email,
      `My ${staff.email} login`,
      DEMO_PASSWORD,
      `${staff.name.toLowerCase().replace(' ', '')}2026`,
    ]) {
      await expect(
        changePassword(deps, actor, here.sessionId, { currentPassword: DEMO_PASSWORD, newPassword: weak }),
      ).rejects.toMatchObject({
        code: 'validation',
        details: [{ where: 'newPassword' }],
      });
    }
    expect(await resolveSession(db, elsewhere.token, f.clock.now())).toBeDefined();
    await expect(signInWith(DEMO_PASSWORD)).resolves.toMatchObject({ mfa: 'none' });
  });
});
