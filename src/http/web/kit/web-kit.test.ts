import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTrust } from '../../../testing/mail.ts';
import { buildServer } from '../../server.ts';
import { postForm, sessionCookie } from '../../testing.ts';

/** The kit as pages use it: one form parser for every page, field errors from a schema, the success banner once after a save. */
describe.each(testDatabaseKinds())('the web kit in the server on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
    seeded = await seedTrust(database.kysely, null);
  });
  afterEach(async () => {
    await app.close();
    await database.close();
  });

  const settings = () => `/organisations/${seeded.trustId}/sign-on`;
  const form = new URLSearchParams({
    issuer: 'https://login.example.com/tenant/v2.0',
    clientId: 'pathways',
    clientSecret: 'very-secret-value',
    allowedEmailDomains: 'oak.example',
    enabled: 'yes',
  }).toString();

  it('shows the success banner once on the page a save lands on, then not again', async () => {
    const cookie = await sessionCookie(database.kysely, seeded.trustAdmin, seeded.trustId);
    const saved = await postForm(app, settings(), form, cookie);
    expect(saved.statusCode).toBe(303);
    const flash = saved.cookies.find((c) => c.name === 'pathways_flash');
    expect(flash?.httpOnly).toBe(true);
    const landed = await app.inject({
      url: String(saved.headers.location),
      headers: { cookie: `${cookie}; pathways_flash=${flash?.value}` },
    });
    expect(landed.body).toContain('govuk-notification-banner--success');
    expect(landed.body).toContain('Single sign-on settings saved');
    expect(landed.cookies.find((c) => c.name === 'pathways_flash')?.value).toBe('');
    const again = await app.inject({ url: settings(), headers: { cookie } });
    expect(again.body).not.toContain('govuk-notification-banner');
  });

  it('does not tick "single sign-on is switched on" before a provider is set up', async () => {
    const cookie = await sessionCookie(database.kysely, seeded.trustAdmin, seeded.trustId);
    const page = await app.inject({ url: settings(), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="enabled" type="checkbox" value="yes"/);
    expect(page.body).not.toMatch(/name="enabled" type="checkbox" value="yes" checked/);
    await postForm(app, settings(), form, cookie);
    const configured = await app.inject({ url: settings(), headers: { cookie } });
    expect(configured.body).toMatch(/name="enabled" type="checkbox" value="yes" checked/);
  });

  it('refuses a form with each problem beside its field, in the order of the page, and keeps what was typed', async () => {
    const cookie = await sessionCookie(database.kysely, seeded.trustAdmin, seeded.trustId);
    const refused = await postForm(app, settings(), 'issuer=not+a+url&clientId=&allowedEmailDomains=oak', cookie);
    expect(refused.statusCode).toBe(400);
    const hrefs = [...refused.body.matchAll(/<a href="(#[a-zA-Z]+)">/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['#issuer', '#clientId', '#allowedEmailDomains']);
    expect(refused.body).toContain('Enter the issuer URL of your identity provider');
    expect(refused.body).toContain('value="not a url"');
    expect(refused.body).toMatch(/id="clientId-error"/);
  });
});
