import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throttleRules } from '../../domain/accounts/throttle.ts';
import { actors } from '../../store/actors.ts';
import { oidc } from '../../store/oidc.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTrust } from '../../testing/mail.ts';
import { decryptSecret, encryptSecret } from '../secrets.ts';
import { completeSsoSignIn, findSignOnTrust, readSignOnConfig, type SsoDeps, saveSignOnConfig } from './sso.ts';
import { startSsoSignIn } from './sso-start.ts';

describe.each(testDatabaseKinds())('single sign-on use-cases on %s', (kind) => {
  let database: TestDatabase;
  let now: Date;
  let deps: SsoDeps;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    now = new Date('2026-03-01T09:00:00Z');
    seeded = await seedTrust(database.kysely, null);
    deps = { db: database.kysely, keys: testKeys, clock: () => now, production: true };
  });
  afterEach(async () => {
    await database.close();
  });

  const actor = async (userId: string) => {
    const loaded = await actors(database.kysely).load(userId);
    if (!loaded) throw new Error('no actor');
    return loaded;
  };
  const input = {
    issuer: 'https://login.example.com/t/v2.0',
    clientId: 'c',
    allowedEmailDomains: ['oak.example'],
    ownTenants: ['tid-1'],
    enabled: true,
  };

  it('saves the configuration with the secret encrypted, keeps the secret when left blank, and finds the trust by email domain', async () => {
    const admin = await actor(seeded.trustAdmin);
    await expect(saveSignOnConfig(deps, admin, seeded.trustId, { ...input, clientSecret: '' })).rejects.toMatchObject({
      code: 'validation',
    });
    await saveSignOnConfig(deps, admin, seeded.trustId, { ...input, clientSecret: 's3cret' });
    await saveSignOnConfig(deps, admin, seeded.trustId, { ...input, clientId: 'c2', clientSecret: '' });
    const stored = await oidc(database.kysely).findConfig(seeded.trustId);
    expect(stored?.clientId).toBe('c2');
    expect(decryptSecret(testKeys, stored?.clientSecretEncrypted ?? '')).toBe('s3cret');
    const view = await readSignOnConfig(deps, admin, seeded.trustId);
    expect(view.config).not.toHaveProperty('clientSecretEncrypted');
    expect(await findSignOnTrust(database.kysely, 'Someone@OAK.example')).toBe(seeded.trustId);
    expect(await findSignOnTrust(database.kysely, 'someone@elsewhere.example')).toBeUndefined();
    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'sign_on.configured')
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[1]?.data).toMatchObject({ before: { clientId: 'c' }, after: { clientId: 'c2' }, clientSecretChanged: false });
  });

  it('refuses configuration by a school admin, and at a school rather than the trust', async () => {
    await expect(
      saveSignOnConfig(deps, await actor(seeded.schoolAdminA), seeded.trustId, { ...input, clientSecret: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(readSignOnConfig(deps, await actor(seeded.trustAdmin), seeded.schoolA)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a callback without a pending sign-in, or with one sealed by another key, or expired, and audits it', async () => {
    const callbackUrl = new URL('https://pathways.example/sign-in/sso/callback?code=x&state=y');
    const base = { callbackUrl, clientAddress: null, userAgent: null };
    expect(await completeSsoSignIn(deps, { ...base, pendingCookie: undefined })).toEqual({ outcome: 'refused', reason: 'state' });
    expect(await completeSsoSignIn(deps, { ...base, pendingCookie: 'v1.forged.cookie.value' })).toEqual({
      outcome: 'refused',
      reason: 'state',
    });
    const expired = encryptSecret(
      testKeys,
      JSON.stringify({ trustId: seeded.trustId, state: 'y', nonce: 'n', verifier: 'v', expiresAt: now.getTime() - 1, redirectUri: 'x' }),
    );
    expect(await completeSsoSignIn(deps, { ...base, pendingCookie: expired })).toEqual({ outcome: 'refused', reason: 'state' });
    const refused = await database.kysely.selectFrom('audit_events').select('action').where('action', '=', 'sign_in.sso_refused').execute();
    expect(refused).toHaveLength(3);
    expect(await database.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('throttles callbacks per client address before asking the provider: refusals back off, another address is not slowed', async () => {
    const callbackUrl = new URL('https://pathways.example/sign-in/sso/callback?code=x&state=y');
    const from = (clientAddress: string) =>
      completeSsoSignIn(deps, { callbackUrl, clientAddress, userAgent: null, pendingCookie: undefined });
    for (let i = 0; i < throttleRules.perPair; i++) expect(await from('203.0.113.7')).toEqual({ outcome: 'refused', reason: 'state' });
    const wait = throttleRules.pairFirstDelaySeconds;
    expect(await from('203.0.113.7')).toEqual({ outcome: 'throttled', retryAfterSeconds: wait });
    expect(await from('198.51.100.2')).toEqual({ outcome: 'refused', reason: 'state' });
    // Starting again from the throttled address waits too, before the provider is asked anything.
    await saveSignOnConfig(deps, await actor(seeded.trustAdmin), seeded.trustId, { ...input, clientSecret: 's' });
    const start = { email: 'alex@oak.example', redirectUri: 'https://pathways.example/sign-in/sso/callback' };
    expect(await startSsoSignIn(deps, { ...start, clientAddress: '203.0.113.7' })).toEqual({
      outcome: 'throttled',
      retryAfterSeconds: wait,
    });
    const throttled = await database.kysely.selectFrom('audit_events').select('data').where('action', '=', 'auth.throttled').execute();
    expect(throttled.map((e) => e.data)).toEqual([
      { method: 'single-sign-on', clientAddress: '203.0.113.7', scope: 'pair', retryAfterSeconds: wait },
    ]);
    const refusals = await database.kysely.selectFrom('audit_events').select('id').where('action', '=', 'sign_in.sso_refused').execute();
    expect(refusals).toHaveLength(throttleRules.perPair + 1);
    now = new Date(now.getTime() + wait * 1000);
    expect(await from('203.0.113.7')).toEqual({ outcome: 'refused', reason: 'state' });
  });
});
