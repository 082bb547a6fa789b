import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import { associateTeacherPage } from '../../usecases/apprenticeships/associate-teacher.ts';
import { assessorCaseload, employerApprentices } from '../../usecases/apprenticeships/caseload.ts';
import { readCoverage } from '../../usecases/apprenticeships/coverage.ts';
import { apprenticeshipDeps } from '../../usecases/apprenticeships/deps.ts';
import { readOffTheJob } from '../../usecases/apprenticeships/off-the-job.ts';
import { readReviews } from '../../usecases/apprenticeships/reviews.ts';
import { supervisionQueue } from '../../usecases/apprenticeships/supervision-queue.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { ensureDemoData } from '../demo.ts';

// A Friday in the 2026 to 2027 school year.
const TODAY = '2026-12-04';

describe.each(testDatabaseKinds())('the demo apprenticeships lived in, on %s', (kind) => {
  let context: AppContext;
  const db = () => context.database.kysely;
  const actorOf = async (email: string) =>
    loadActor(db(), (await db().selectFrom('user_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id);
  const assessor = () => actorOf('sam.okafor@northfield-demo.example');
  const enrolmentOf = async (given: string) =>
    (
      await db()
        .selectFrom('enrolments as e')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .select(['e.id', 'e.person_id'])
        .where('p.given_name', '=', given)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    context = await buildTestContext(await openTestDatabase(kind), { demo: true, clock: () => new Date(`${TODAY}T10:00:00Z`) });
    await ensureDemoData({
      db: db(),
      clock: context.clock,
      auditKey: context.keys.auditKey,
      portfolio: { catalogue: context.catalogue.current(), files: context.files },
    });
  }, 120_000);
  afterAll(() => context?.database.close());

  it('gives the assessor a caseload with a spread: on track, at risk, a review overdue, and a minimum not known yet', async () => {
    const caseload = await assessorCaseload(apprenticeshipDeps(context), await assessor(), {});
    const row = (name: string) => caseload.rows.find((r) => r.personName.startsWith(name));
    expect(caseload.rows.map((r) => r.personName)).toEqual(['Amy Clarke', 'Chloe Davies', 'Daniel Hughes', 'Fatima Khan']);
    expect(row('Fatima')?.offTheJob.state).toBe('on_track');
    expect(row('Daniel')?.offTheJob.state).toBe('at_risk');
    expect(row('Amy')?.nextReview.overdue).toBe(true);
    expect(caseload.rows.filter((r) => r.nextReview.overdue).map((r) => r.personName)).toEqual(['Amy Clarke']);
    // Chloe started after 1 August 2025: the standard's fixed minimum is not held, and nothing is invented.
    expect(row('Chloe')?.offTheJob).toMatchObject({ state: 'unknown', minimumHours: null });
    expect(row('Chloe')?.offTheJob.text).toContain('enter the standard');
    expect(row('Chloe')?.coverage?.percent).toBeGreaterThan(0);
    expect(row('Fatima')?.coverage?.percent).toBeGreaterThan(0);
    // The employer's view holds the same apprentices.
    expect((await employerApprentices(apprenticeshipDeps(context), await actorOf('olivia.grant@riverside-demo.example'), {})).total).toBe(
      4,
    );
  });

  it('has off-the-job logs approved by the assessor, entries waiting for approval and one returned with feedback', async () => {
    const page = await readOffTheJob(apprenticeshipDeps(context), await assessor(), await enrolmentOf('Chloe'));
    const statuses = new Set(page.entries.map((e) => e.status));
    expect(statuses).toEqual(new Set(['approved', 'submitted', 'returned']));
    expect(page.entries.find((e) => e.status === 'approved')?.decidedBy?.name).toBe('Sam Okafor');
    expect(page.entries.find((e) => e.status === 'returned')?.feedback).toContain('normal working duties');
    expect(page.entries.filter((e) => e.can.decide).length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.date <= TODAY && e.date >= page.enrolment.startDate)).toBe(true);
    expect(page.status.approvedHours).toBeGreaterThan(0);
    const fatima = await readOffTheJob(apprenticeshipDeps(context), await assessor(), await enrolmentOf('Fatima'));
    expect(fatima.evidenceTime.map((e) => e.counts)).toEqual(['on its own']);
  });

  it('holds reviews signed by all three parties, with their comments, agreed actions and the next review due', async () => {
    const page = await readReviews(
      apprenticeshipDeps(context),
      await actorOf('chloe.davies@riverside-demo.example'),
      await enrolmentOf('Chloe'),
    );
    const [latest] = page.reviews;
    expect(latest?.locked).toBe(true);
    expect(Object.values(latest?.signatures ?? {}).map((s) => s.name)).toEqual(['Chloe Davies', 'Priya Shah', 'Sam Okafor']);
    expect(latest?.comments.map((c) => c.party)).toEqual(['apprentice', 'employer', 'provider']);
    expect(latest?.actions.map((a) => a.owner).sort()).toEqual(['apprentice', 'employer', 'provider']);
    expect(latest?.agenda.some((line) => line.startsWith('KSB coverage:'))).toBe(true);
    expect(page.schedule.overdue).toBe(false);
    expect(page.schedule.dueDate && page.schedule.dueDate > TODAY).toBe(true);
  });

  it('covers KSBs with judgements "met" backed by accepted evidence', async () => {
    const page = await readCoverage(apprenticeshipDeps(context), await assessor(), await enrolmentOf('Chloe'));
    const met = page.coverage?.items.filter((i) => i.judgement === 'met') ?? [];
    expect(met.length).toBeGreaterThan(10);
    expect(met.every((i) => i.evidenceCount > 0)).toBe(true);
    const unbacked = await db()
      .selectFrom('judgements as j')
      .leftJoin('evidence_claims as c', (join) =>
        join.onRef('c.evidence_id', '=', 'j.evidence_id').onRef('c.item_code', '=', 'j.item_code'),
      )
      .select(['j.item_code', 'c.status'])
      .where('j.item_code', 'like', 'ST1414.%')
      .where((eb) => eb('c.status', 'is', null).or('c.status', '!=', 'accepted'))
      .execute();
    expect(unbacked).toEqual([]);
  });

  it('gives the Associate Teacher a Foundation Degree recorded by the provider and a supervisee whose evidence waits in /supervision', async () => {
    const daniel = await actorOf('daniel.hughes@riverside-demo.example');
    const programme = await associateTeacherPage(apprenticeshipDeps(context), daniel, await enrolmentOf('Daniel'));
    expect(programme.modules.length).toBeGreaterThan(6);
    expect(programme.modules.every((m) => m.credits === 20 && [4, 5].includes(m.level))).toBe(true);
    expect(programme.modules.filter((m) => m.result === 'passed').every((m) => m.mark !== null)).toBe(true);
    expect(programme.modules.some((m) => m.result === 'in_progress')).toBe(true);
    expect(programme.progress.total.passed).toBeGreaterThanOrEqual(120);
    const queue = await supervisionQueue(portfolioDeps(context), daniel);
    expect(queue.superviseeCount).toBe(1);
    expect(queue.items.map((i) => i.personName)).toEqual(['Chloe Davies']);
    expect(queue.items.every((i) => i.canDecide)).toBe(true);
  });

  it('leaves an audit event for each thing it wrote, as the use-cases would', async () => {
    const count = async (action: string) =>
      Number(
        (
          await db()
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = async (
      table:
        | 'off_the_job_entries'
        | 'progress_reviews'
        | 'progress_review_comments'
        | 'progress_review_actions'
        | 'foundation_degree_modules'
        | 'supervision_links',
    ) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const decided = Number(
      (
        await db()
          .selectFrom('off_the_job_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '!=', 'submitted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await count('offTheJob.logged')).toBe(await rows('off_the_job_entries'));
    expect((await count('offTheJob.approved')) + (await count('offTheJob.returned'))).toBe(decided);
    expect(await count('progressReview.planned')).toBe(await rows('progress_reviews'));
    expect(await count('progressReview.signed')).toBe(3 * (await rows('progress_reviews')));
    expect(await count('progressReview.commented')).toBe(await rows('progress_review_comments'));
    expect(await count('progressReview.actionAgreed')).toBe(await rows('progress_review_actions'));
    expect(await count('enrolment.moduleRecorded')).toBe(await rows('foundation_degree_modules'));
    expect(await count('supervision.linked')).toBe(await rows('supervision_links'));
    expect(await count('judgement.recorded')).toBe(
      Number(
        (
          await db()
            .selectFrom('judgements')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  });
});
