import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins, ensureDemoData } from '../../../demo/demo.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { SESSION_COOKIE } from '../../auth/session-plugin.ts';
import { buildServer } from '../../server.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

/** The same-site page links of a page (not the sign-out form, assets, fragments or other sites). */
const linksOf = (html: string): string[] =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"#]+)"/g)]
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
    .filter((href) => href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/assets/'));

/** Public framework pages are the same for everyone and crawled elsewhere: the role's own pages are what matter here. */
const isPublicReference = (href: string) =>
  /^\/(frameworks|roles|qualifications|ladder|search|explore|partnership-teachers|hlta-standards|api)(\/|$|\?)/.test(href);

describe.each(testDatabaseKinds())('the signed-in home of each role on %s', (kind) => {
  let context: AppContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    context = await buildTestContext(await openTestDatabase(kind), { demo: true, clock: () => new Date('2026-12-03T10:00:00Z') });
    await ensureDemoData({
      db: context.database.kysely,
      clock: context.clock,
      auditKey: context.keys.auditKey,
      portfolio: { catalogue: context.catalogue.current(), files: context.files },
    });
    app = await buildServer(context, { logLevel: 'silent' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await context?.database.close();
  });

  const signIn = async (email: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: formHeaders,
      payload: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
    });
    const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    return { response, token };
  };
  const get = (url: string, token: string) => app.inject({ url, cookies: { [SESSION_COOKIE]: token } });

  const loginOf = (role: string) => {
    const login = demoLogins().find((l) => l.role === role);
    if (!login) throw new Error(`no demo ${role}`);
    return login;
  };

  it.each(demoLogins().map((l) => [l.role, l.email] as const))('a %s lands on their home after signing in', async (_role, email) => {
    const { response, token } = await signIn(email);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/home');
    const home = await get('/home', token);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h1 class="govuk-heading-xl">Home</h1>');
    // The public home stays where it was, for signed-in users too.
    expect((await get('/', token)).statusCode).toBe(200);
  });

  it.each(demoLogins().map((l) => [l.role, l.email] as const))(
    'a %s is shown only links they may open: following links from the home three pages deep, none is refused',
    async (_role, email) => {
      const { token } = await signIn(email);
      const refused: string[] = [];
      const seen = new Set<string>();
      // One page of each shape (the ids replaced) is enough: a role's twentieth person page offers what its first did.
      const shapes = new Set<string>();
      const shapeOf = (href: string) => href.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*$/, '');
      let frontier = ['/home'];
      for (let depth = 0; depth < 3; depth++) {
        const next: string[] = [];
        for (const url of frontier) {
          const page = await get(url, token);
          // The audit log's links to what changed are the audit log's own (its crawl is the per-role browser test's).
          if (!String(page.headers['content-type']).startsWith('text/html') || url.startsWith('/audit')) continue;
          for (const href of linksOf(page.body)) {
            if (seen.has(href) || isPublicReference(href)) continue;
            const shape = shapeOf(href);
            if (shapes.has(shape)) continue;
            shapes.add(shape);
            seen.add(href);
            const linked = await get(href, token);
            if (linked.statusCode >= 400 || (linked.statusCode >= 300 && String(linked.headers.location).startsWith('/sign-in')))
              refused.push(`${href} (from ${url}) answered ${linked.statusCode}`);
            else if (linked.statusCode === 200) next.push(href);
          }
        }
        frontier = next;
      }
      expect(refused).toEqual([]);
      expect(seen.size).toBeGreaterThan(5);
    },
    120_000,
  );

  it('gives staff their next things to do and progress, and links My next step, Plan my route and Role fit', async () => {
    const { token } = await signIn(loginOf('staff').email);
    const home = (await get('/home', token)).body;
    expect(home).toContain('data-testid="home-progress"');
    expect(home).toContain('data-testid="home-next-steps"');
    expect(home).toMatch(/Next step: [^<]+<\/dt>/);
    expect(home).toContain('CPD this year');
    // CPD time in hours and minutes, as the CPD log says it, never as a decimal of hours.
    expect(home).toMatch(
      /CPD this year \([^)]*\)<\/dt>\s*<dd class="govuk-summary-list__value">(\d+ hours?|\d+ minutes?|\d+ hours? \d+ minutes?)<\/dd>/,
    );
    expect(home).not.toMatch(/\d\.\d+ hours/);
    for (const href of ['/me/next-step', '/me/route', '/me/role-fit']) expect(home).toContain(`href="${href}"`);
    expect(home).not.toContain('data-testid="home-organisation-tasks"');
    expect(home).not.toContain('data-testid="home-review"');
    for (const href of ['/admin/outbox', '/users', '/audit', '/import']) expect(home).not.toContain(`${href}"`);
  });

  it('gives a line manager the evidence waiting for them (count and link) and their team', async () => {
    const { token } = await signIn(loginOf('line_manager').email);
    const home = (await get('/home', token)).body;
    expect(home).toMatch(/href="\/evidence-queue">\d+ evidence items? waiting for your decision/);
    expect(home).toContain('data-testid="home-team"');
    expect(home).toContain('href="/team"');
    expect(home).not.toContain('data-testid="home-organisation-tasks"');
  });

  it('gives admins their organisation tasks: import, users and invitations, training, sign-on (trust only), outbox, audit, export', async () => {
    const trust = await context.database.kysely
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'trust')
      .executeTakeFirstOrThrow();
    const trustAdmin = (await get('/home', (await signIn(loginOf('trust_admin').email)).token)).body;
    for (const part of [
      `/organisations/${trust.id}/sign-on"`,
      `/organisations/${trust.id}/training"`,
      '/import"',
      '/staff.csv"',
      'href="/users"',
      'href="/users/invite"',
      'href="/admin/outbox"',
      'href="/audit"',
    ])
      expect(trustAdmin, part).toContain(part);
    const schoolAdmin = (await get('/home', (await signIn(loginOf('school_admin').email)).token)).body;
    for (const part of ['/import"', '/staff.csv"', 'href="/users"', 'href="/admin/outbox"', 'href="/audit"'])
      expect(schoolAdmin, part).toContain(part);
    expect(schoolAdmin).not.toContain('/sign-on"');
  });

  it('shows "Change details" and "Add a school" only to those who may use them, and the person page links to the portfolio', async () => {
    const db = context.database.kysely;
    const trust = await db.selectFrom('organisations').select('id').where('kind', '=', 'trust').executeTakeFirstOrThrow();
    const staff = await signIn(loginOf('staff').email);
    const self = await db
      .selectFrom('user_accounts')
      .select('person_id')
      .where('email', '=', loginOf('staff').email)
      .executeTakeFirstOrThrow();
    const person = await db.selectFrom('people').select('organisation_id').where('id', '=', self.person_id).executeTakeFirstOrThrow();
    const schoolForStaff = (await get(`/organisations/${person.organisation_id}`, staff.token)).body;
    expect(schoolForStaff).not.toContain('/edit"');
    const trustForSchoolAdmin = (await get(`/organisations/${trust.id}`, (await signIn(loginOf('school_admin').email)).token)).body;
    expect(trustForSchoolAdmin).not.toContain('/edit"');
    expect(trustForSchoolAdmin).not.toContain('/schools/new"');
    const trustForTrustAdmin = (await get(`/organisations/${trust.id}`, (await signIn(loginOf('trust_admin').email)).token)).body;
    expect(trustForTrustAdmin).toContain(`href="/organisations/${trust.id}/edit"`);
    expect(trustForTrustAdmin).toContain(`href="/organisations/${trust.id}/schools/new"`);
    const record = (await get(`/people/${self.person_id}`, staff.token)).body;
    expect(record).toContain(`href="/people/${self.person_id}/portfolio"`);
    const portfolio = (await get(`/people/${self.person_id}/portfolio`, staff.token)).body;
    for (const href of ['/me/next-step', '/me/route', '/me/role-fit']) expect(portfolio).toContain(`href="${href}"`);
  });

  it('offers the account menu: name, My account and Sign out, and My account answers', async () => {
    const { token } = await signIn(loginOf('staff').email);
    const home = (await get('/home', token)).body;
    expect(home).toContain(`data-testid="signed-in-name">${loginOf('staff').name}</span>`);
    expect(home).toContain('href="/account"');
    expect(home).toContain('action="/sign-out"');
    const account = await get('/account', token);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(loginOf('staff').email);
  });
});
