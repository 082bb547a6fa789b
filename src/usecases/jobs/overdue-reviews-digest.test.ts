import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReviews } from '../../store/apprenticeships/reviews.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { type SeededProvider, seedEnrolment, seedProvider } from '../apprenticeships/fixtures.ts';
import type { AppContext } from '../context.ts';
import { type OverdueReview, overdueReviewDigests, overdueReviewsMessage, overdueReviewsOf } from './overdue-reviews-digest.ts';

const review = (over: Partial<OverdueReview> = {}): OverdueReview => ({
  enrolmentId: '0b5e3f5c-2a53-4d0e-9a43-6f0d6c3e9b11',
  personName: 'Amy Clarke',
  employerName: 'Riverside Primary School',
  providerName: 'Northfield Teaching Apprenticeships',
  programme: 'L5: Specialist teaching assistant (ST1414)',
  dueDate: '2026-08-24',
  daysOverdue: 105,
  intervalWeeks: 12,
  ...over,
});

describe('overdueReviewsMessage', () => {
  it('lists each review with its apprentice, programme, due date (GOV.UK style), how late it is and its page', () => {
    const message = overdueReviewsMessage({ as: ['lineManager'], reviews: [review()] }, 'https://pathways.example.org');
    expect(message.subject).toBe('Progress reviews overdue: 1 apprentice');
    expect(message.text).toContain(
      '- Amy Clarke (Riverside Primary School), L5: Specialist teaching assistant (ST1414) with Northfield Teaching Apprenticeships: due by 24 August 2026, 105 days overdue\n  https://pathways.example.org/enrolments/0b5e3f5c-2a53-4d0e-9a43-6f0d6c3e9b11/reviews',
    );
    expect(message.text).toContain('at least every 12 weeks of learning');
    expect(message.text).toContain('You receive this weekly digest as their line manager in Pathways.');
  });

  it('counts the apprentices, says "1 day", links by path without a public address and names every part the reader plays', () => {
    const message = overdueReviewsMessage(
      { as: ['employer', 'provider'], reviews: [review(), review({ enrolmentId: 'e2', personName: 'Ben Okafor', daysOverdue: 1 })] },
      undefined,
    );
    expect(message.subject).toBe('Progress reviews overdue: 2 apprentices');
    expect(message.text).toContain('Progress reviews overdue (2):');
    expect(message.text).toContain('1 day overdue\n  /enrolments/e2/reviews');
    expect(message.text).toContain('as the employer’s administrator, the training provider’s assessor in Pathways');
  });
});

describe.each(testDatabaseKinds())('overdue progress reviews and who holds them, on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let trusts: Awaited<ReturnType<typeof seedTwoTrusts>>;
  let provider: SeededProvider;
  const ids = { overdue: '', held: '', otherTrust: '', withdrawn: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // A Monday, at the digest's hour.
    context = await buildTestContext(database, { clock: () => new Date('2026-12-07T07:00:00Z') });
    const db = database.kysely;
    trusts = await seedTwoTrusts(db);
    provider = await seedProvider(db, 'northfield');
    const { own, other } = trusts;
    const enrol = (trust: typeof own, personId: string, startDate: string) =>
      seedEnrolment(db, { trustId: trust.trustId, personId, employerId: trust.schoolId, providerId: provider.providerId, startDate });
    // Due 12 weeks after the start, 24 August 2026: 105 days overdue.
    ids.overdue = await enrol(own, own.reportId, '2026-06-01');
    // A review held and signed by all three on 2 November 2026: the next is due on 25 January 2027.
    ids.held = await enrol(own, own.otherPersonId, '2026-06-01');
    const reviewId = crypto.randomUUID();
    await progressReviews(db).insert({
      id: reviewId,
      trustId: own.trustId,
      enrolmentId: ids.held,
      heldOn: '2026-11-02',
      agenda: [],
      createdBy: provider.assessor.userId,
      at: new Date('2026-10-20T09:00:00Z'),
    });
    for (const [party, userId] of [
      ['apprentice', own.users.staff.userId],
      ['employer', own.users.school_admin.userId],
      ['provider', provider.assessor.userId],
    ] as const)
      await progressReviews(db).sign(own.trustId, reviewId, party, userId, new Date('2026-11-02T15:00:00Z'));
    ids.otherTrust = await enrol(other, other.reportId, '2026-01-05');
    // Withdrawn: no review is due any more.
    ids.withdrawn = await enrol(own, own.users.line_manager.personId, '2026-01-05');
    await db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', ids.withdrawn).execute();
    // A second assessor of the provider whose account is disabled hears nothing.
    const disabled = crypto.randomUUID();
    await db
      .insertInto('user_accounts')
      .values({
        id: disabled,
        trust_id: provider.providerId,
        person_id: null,
        email: 'gone@northfield-provider.example',
        password_hash: null,
        disabled_at: new Date('2026-11-01T00:00:00Z'),
      })
      .execute();
    await db
      .insertInto('role_assignments')
      .values({
        id: crypto.randomUUID(),
        trust_id: provider.providerId,
        user_id: disabled,
        role: 'assessor',
        organisation_id: provider.providerId,
      })
      .execute();
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.kysely, clock: context.clock, catalogue: context.catalogue.current() });

  it('finds the apprentices on programme whose review is past its due date, and only those, with the programme in words', async () => {
    const own = await overdueReviewsOf(deps(), trusts.own.trustId);
    expect(own).toEqual([
      {
        enrolmentId: ids.overdue,
        personName: 'alpha staff',
        employerName: 'alpha School',
        providerName: 'northfield Training',
        programme: 'L5: Specialist teaching assistant (ST1414)',
        dueDate: '2026-08-24',
        daysOverdue: 105,
        intervalWeeks: 12,
      },
    ]);
    expect((await overdueReviewsOf(deps(), trusts.other.trustId)).map((r) => r.enrolmentId)).toEqual([ids.otherTrust]);
  });

  it('gives one digest to each enabled account that holds the reviews: the employer’s admins, the line manager and the provider’s assessors', async () => {
    const { own, other } = trusts;
    const reviews = [...(await overdueReviewsOf(deps(), own.trustId)), ...(await overdueReviewsOf(deps(), other.trustId))];
    const digests = await overdueReviewDigests(database.kysely, reviews);
    const summary = digests.map((d) => [d.email, d.trustId, d.as, d.reviews.map((r) => r.enrolmentId)]);
    expect(summary).toEqual(
      [
        [provider.assessor.email, provider.providerId, ['provider'], [ids.overdue, ids.otherTrust]],
        [own.users.line_manager.email, own.trustId, ['lineManager'], [ids.overdue]],
        [own.users.school_admin.email, own.trustId, ['employer'], [ids.overdue]],
        [other.users.line_manager.email, other.trustId, ['lineManager'], [ids.otherTrust]],
        [other.users.school_admin.email, other.trustId, ['employer'], [ids.otherTrust]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });
});
