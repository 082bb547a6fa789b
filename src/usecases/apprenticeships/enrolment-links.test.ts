import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/policy/actor.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { fixtureRoles, loadActor } from '../../testing/two-trusts.ts';
import { signedInHome } from '../home/signed-in-home.ts';
import { directoryNavigation } from '../people/navigation.ts';
import { type PortfolioDeps, portfolioDeps } from '../portfolio/deps.ts';
import { overviewPage } from '../portfolio/pages/overview-page.ts';
import { employerApprentices } from './caseload.ts';
import { readEnrolment } from './enrolment-page.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedOffTheJobWorld } from './off-the-job-testing.ts';

/**
 * How people reach apprenticeship pages: the apprentice their own enrolment from their home and their
 * portfolio (only when they have one), and whoever may list the employer's apprentices the
 * "Apprentices" link in the header, exactly when /apprentices lets them in.
 */
describe.each(testDatabaseKinds())('links to apprenticeship pages on %s', (kind) => {
  let database: TestDatabase;
  let world: OffTheJobWorld;
  let deps: PortfolioDeps;
  const today = '2026-12-04';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const context = await buildTestContext(database, { clock: () => new Date(`${today}T10:00:00Z`) });
    deps = portfolioDeps(context);
    world = await seedOffTheJobWorld(database.kysely);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const opensApprentices = async (actor: Actor) => {
    const apprenticeships = await apprenticeshipTestDeps(database.kysely, today);
    return employerApprentices(apprenticeships, actor, {}).then(
      () => true,
      (error: { code?: string }) => {
        if (error.code !== 'forbidden') throw error;
        return false;
      },
    );
  };
  // Linked from the header, or (for a line manager, whose header would not fit it on one row) from their home.
  const apprenticesLinked = async (actor: Actor) =>
    directoryNavigation(actor).some((i) => i.href === '/apprentices') ||
    (await signedInHome(deps, actor)).review?.links.some((l) => l.href === '/apprentices') === true;

  it('links the apprentice’s home to their own enrolments, which they can open; nothing for someone with none', async () => {
    const home = await signedInHome(deps, world.apprentice);
    const links = home.progress?.links.filter((l) => l.href.startsWith('/enrolments/')) ?? [];
    // The world's apprentice has two enrolments (with two providers), so each names its programme.
    expect(links.map((l) => l.text)).toEqual([
      'My apprenticeship: L5: Specialist teaching assistant, SEND specialist teaching assistant option',
      'My apprenticeship: L5: Specialist teaching assistant, SEND specialist teaching assistant option',
    ]);
    expect(links.map((l) => l.href)).toContain(`/enrolments/${world.enrolmentId}`);
    expect(links.map((l) => l.hint)).toEqual(['on programme, with northfield Training', 'on programme, with southbank Training']);
    for (const link of links) {
      const id = link.href.replace('/enrolments/', '');
      const apprenticeships = await apprenticeshipTestDeps(database.kysely, today);
      expect((await readEnrolment(apprenticeships, world.apprentice, id)).enrolment.personId).toBe(world.trusts.own.reportId);
    }
    // The line manager has no enrolment of their own: no such link on their home.
    const managerHome = await signedInHome(deps, world.manager);
    expect(managerHome.progress?.links.some((l) => l.href.startsWith('/enrolments/'))).toBe(false);
  });

  it('links the portfolio overview to the enrolments the viewer may open: the apprentice’s own, and their line manager’s view', async () => {
    const own = await overviewPage(deps, world.apprentice, world.trusts.own.reportId);
    expect(own.apprenticeships.map((a) => a.href)).toContain(`/enrolments/${world.enrolmentId}`);
    expect(own.apprenticeships[0]).toMatchObject({
      text: expect.stringMatching(/^My apprenticeship: /),
      title: 'L5: Specialist teaching assistant, SEND specialist teaching assistant option',
      standing: expect.stringMatching(/^on programme, with /),
    });
    const managers = await overviewPage(deps, world.manager, world.trusts.own.reportId);
    expect(managers.apprenticeships.map((a) => a.text)).toEqual([
      expect.stringMatching(/^Apprenticeship: /),
      expect.stringMatching(/^Apprenticeship: /),
    ]);
    // The line manager's own portfolio has none.
    expect((await overviewPage(deps, world.manager, world.trusts.own.users.line_manager.personId)).apprenticeships).toEqual([]);
  });

  it('links /apprentices exactly for those it lets in', async () => {
    const seen: Record<string, boolean> = {};
    for (const role of fixtureRoles) {
      const actor = await loadActor(database.kysely, world.trusts.own.users[role].userId);
      const linked = await apprenticesLinked(actor);
      expect(linked, role).toBe(await opensApprentices(actor));
      seen[role] = linked;
    }
    expect(seen).toEqual({
      trust_admin: true,
      school_admin: true,
      line_manager: true,
      staff: false,
      assessor: false,
      partnership_coordinator: false,
    });
    // The provider's assessor has the caseload instead.
    expect(await apprenticesLinked(world.assessor)).toBe(false);
    expect(await opensApprentices(world.assessor)).toBe(false);
    expect(directoryNavigation(world.assessor).map((i) => i.href)).toContain('/caseload');
    // A line manager with nobody reporting to them has no apprentices to see: no link, and the page refuses.
    const alone: Actor = { ...world.manager, reportIds: [] };
    expect(await apprenticesLinked(alone)).toBe(false);
    expect(await opensApprentices(alone)).toBe(false);
  });

  it('puts the admins’ link in the header, and the line manager’s on their home beside their team, keeping their header to three links', async () => {
    const admin = await loadActor(database.kysely, world.trusts.own.users.school_admin.userId);
    expect(directoryNavigation(admin).map((i) => i.href)).toContain('/apprentices');
    expect(directoryNavigation(world.manager).map((i) => i.text)).toEqual(['My portfolio', 'Evidence to review', 'Staff']);
    expect((await signedInHome(deps, world.manager)).review?.links).toEqual([
      { href: '/evidence-queue', text: 'Evidence to review' },
      { href: '/team', text: 'My team' },
      {
        href: '/apprentices',
        text: 'Apprentices in my team',
        hint: 'Their KSB coverage, off-the-job hours, reviews and Gateway to Completion',
      },
    ]);
  });
});
