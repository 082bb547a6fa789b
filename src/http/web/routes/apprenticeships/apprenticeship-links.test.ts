import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { arrangeGatewayReadiness } from '../../../../usecases/apprenticeships/gateway-testing.ts';
import {
  apprenticeshipTestDeps,
  type OffTheJobWorld,
  seedOffTheJobWorld,
} from '../../../../usecases/apprenticeships/off-the-job-testing.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';
import { visibleTextOf } from '../../unlabelled-codes.ts';

const NOW = new Date('2027-06-01T10:00:00Z');

/**
 * The pages that lead to an apprenticeship and what they show of prior learning: the apprentice's home
 * and portfolio link their enrolment, the line manager's home links their team's apprentices, the
 * coverage page and the Gateway to Completion checklist show recognised prior learning as such, and
 * the status page refuses "at Gateway to Completion" with what is unmet.
 */
describe.each(testDatabaseKinds())('links to apprenticeships and prior learning on the pages, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let world: OffTheJobWorld;
  const cookies: Record<'apprentice' | 'manager' | 'schoolAdmin' | 'colleague', string> = {
    apprentice: '',
    manager: '',
    schoolAdmin: '',
    colleague: '',
  };
  const get = async (url: string, cookie: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, url).toBe(200);
    return { html: response.body, text: visibleTextOf(response.body) };
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await seedOffTheJobWorld(database.kysely);
    const deps = await apprenticeshipTestDeps(database.kysely, '2027-06-01');
    await arrangeGatewayReadiness(database.kysely, deps.catalogue, world, { recognised: ['ST1414.K30', 'ST1414.S27'] });
    const cookieOf = (actor: OffTheJobWorld['apprentice']) =>
      sessionCookie(database.kysely, actor.userId, actor.assignments[0]?.trustId ?? '', NOW);
    cookies.apprentice = await cookieOf(world.apprentice);
    cookies.manager = await cookieOf(world.manager);
    cookies.schoolAdmin = await cookieOf(world.schoolAdmin);
    cookies.colleague = await sessionCookie(
      database.kysely,
      world.trusts.own.users.partnership_coordinator.userId,
      world.trusts.own.trustId,
      NOW,
    );
    app = await buildServer(await buildTestContext(database, { clock: () => NOW }), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('links the apprentice’s home and portfolio to their enrolment, and nobody else’s home to one', async () => {
    const home = await get('/home', cookies.apprentice);
    expect(home.html).toContain(`href="/enrolments/${world.enrolmentId}"`);
    expect(home.text).toContain('My apprenticeship: L5: Specialist teaching assistant, SEND specialist teaching assistant option');
    const portfolio = await get(`/people/${world.trusts.own.reportId}/portfolio`, cookies.apprentice);
    expect(portfolio.html).toContain('data-testid="apprenticeship-links"');
    expect(portfolio.html).toContain(`href="/enrolments/${world.enrolmentId}"`);
    expect(portfolio.text).toContain('My apprenticeships');
    // Someone without an enrolment gets neither.
    const colleague = await get('/home', cookies.colleague);
    expect(colleague.html).not.toContain('href="/enrolments/');
  });

  it('puts the school admin’s "Apprentices" in the header, and the line manager’s on their home', async () => {
    expect((await get('/home', cookies.schoolAdmin)).html).toMatch(/<a class="govuk-service-navigation__link" href="\/apprentices"/);
    const manager = await get('/home', cookies.manager);
    expect(manager.html).not.toMatch(/<a class="govuk-service-navigation__link" href="\/apprentices"/);
    expect(manager.html).toContain('href="/apprentices"');
    expect(manager.text).toContain('Apprentices in my team');
    const list = await get('/apprentices', cookies.manager);
    expect(list.html).toContain(`/enrolments/${world.enrolmentId}`);
  });

  it('shows KSBs recognised as prior learning as such on the coverage page, and counts them', async () => {
    const page = await get(`/enrolments/${world.enrolmentId}/coverage`, cookies.manager);
    expect(page.text).toContain(
      '70 of 70 knowledge, skills and behaviours covered (100%): 68 judged met and 2 recognised as prior learning',
    );
    expect(page.html).toContain('app-heat-cell app-heat--recognised');
    expect(page.html).toMatch(/<strong class="govuk-tag govuk-tag--teal">\s*Recognised prior learning\s*<\/strong>/);
  });

  it('refuses "at Gateway to Completion" on the status page with the unmet items, then lists the KSBs recognised on the checklist', async () => {
    const refused = await postForm(
      app,
      `/enrolments/${world.enrolmentId}/status`,
      'status=at_gateway&effectiveFrom-day=1&effectiveFrom-month=6&effectiveFrom-year=2027',
      cookies.schoolAdmin,
    );
    expect(refused.statusCode).toBe(400);
    const text = visibleTextOf(refused.body);
    expect(text).toContain('the apprentice is not ready for Gateway to Completion: 2 items are not met');
    expect(text).toContain('The employer confirms the apprentice is ready');
    const enrolment = await get(`/enrolments/${world.enrolmentId}`, cookies.manager);
    expect(enrolment.text).toContain('2/70 recognised prior learning: ST1414.K30 — ');
  });
});
