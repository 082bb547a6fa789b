import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import type { ApprenticeshipDeps } from './off-the-job-access.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedOffTheJobWorld } from './off-the-job-testing.ts';
import { agreeReviewAction, commentOnReview, nextReviewsOf, planReview, readReviews, signReview } from './reviews.ts';

describe.each(testDatabaseKinds())('tripartite progress reviews on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: OffTheJobWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = await apprenticeshipTestDeps(database.kysely, '2025-11-20');
    world = await seedOffTheJobWorld(database.kysely);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('is due 12 weeks after the start, overdue the day after, and held once all three sign; a held review is locked', async () => {
    expect((await readReviews(deps, world.apprentice, world.enrolmentId)).schedule).toMatchObject({
      dueDate: '2025-11-24',
      overdue: false,
    });
    const late = await apprenticeshipTestDeps(database.kysely, '2025-11-25');
    expect((await readReviews(late, world.manager, world.enrolmentId)).schedule).toMatchObject({ overdue: true, daysOverdue: 1 });

    await expect(planReview(deps, world.manager, world.enrolmentId, { heldOn: '2025-11-20' })).rejects.toMatchObject({ code: 'forbidden' });
    const reviewId = await planReview(deps, world.assessor, world.enrolmentId, { heldOn: '2025-11-20' });
    const planned = (await readReviews(deps, world.assessor, world.enrolmentId)).reviews[0];
    expect(planned?.agenda[0]).toMatch(/^Off-the-job training/);
    expect(planned?.agenda).toContainEqual(expect.stringMatching(/^Plan evidence for ST1414\.K1 — \S/));

    await commentOnReview(deps, world.apprentice, world.enrolmentId, reviewId, {
      party: 'apprentice',
      body: 'I have enjoyed the SEND workshops.',
    });
    await expect(
      commentOnReview(deps, world.apprentice, world.enrolmentId, reviewId, { party: 'provider', body: 'Pretending' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await agreeReviewAction(deps, world.manager, world.enrolmentId, reviewId, {
      description: 'Book a day with the SENCo',
      owner: 'employer',
      dueOn: '2026-01-15',
    });

    expect(await signReview(deps, world.apprentice, world.enrolmentId, reviewId, { party: 'apprentice' })).toBe(false);
    await expect(signReview(deps, world.manager, world.enrolmentId, reviewId, { party: 'provider' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await signReview(deps, world.manager, world.enrolmentId, reviewId, { party: 'employer' })).toBe(false);
    await expect(signReview(deps, world.apprentice, world.enrolmentId, reviewId, { party: 'apprentice' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await signReview(deps, world.assessor, world.enrolmentId, reviewId, { party: 'provider' })).toBe(true);

    await expect(
      commentOnReview(deps, world.apprentice, world.enrolmentId, reviewId, { party: 'apprentice', body: 'One more thing' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This review has been signed by everyone and is locked',
    });
    const page = await readReviews(deps, world.manager, world.enrolmentId);
    expect(page.reviews[0]).toMatchObject({ locked: true, canSignAs: [], canChange: false });
    expect(page.reviews[0]?.comments.map((c) => c.party)).toEqual(['apprentice']);
    expect(page.reviews[0]?.actions).toEqual([expect.objectContaining({ owner: 'employer', dueOn: '2026-01-15' })]);
    expect(page.schedule).toMatchObject({ lastHeldOn: '2025-11-20', dueDate: '2026-02-12', overdue: false });

    const next = await planReview(deps, world.assessor, world.enrolmentId, { heldOn: '2026-02-10' });
    const agenda = (await readReviews(deps, world.assessor, world.enrolmentId)).reviews.find((r) => r.id === next)?.agenda ?? [];
    expect(agenda).toContain('Action from the last review (employer, by 15 January 2026): Book a day with the SENCo');
  });

  it('gives the caseload its next review due, and hides the reviews from another provider’s assessor', async () => {
    const enrolment = await enrolments(database.kysely).get(world.enrolmentId);
    if (!enrolment) throw new Error('no enrolment');
    const due = await nextReviewsOf(deps, [{ enrolment, breaks: [] }]);
    expect(due.get(world.enrolmentId)).toMatchObject({ lastHeldOn: '2025-11-20', dueDate: '2026-02-12' });
    await expect(readReviews(deps, world.otherAssessor, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readReviews(deps, world.otherTrustAdmin, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
