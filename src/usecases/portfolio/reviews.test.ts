import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { accounts } from '../../store/accounts.ts';
import { organisations } from '../../store/organisations.ts';
import { type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed, type PortfolioTestBed, trustAuditActions } from '../../testing/portfolio.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import type { AppContext } from '../context.ts';
import { portfolioDeps } from './deps.ts';
import { addReviewObjective, advanceReview, commentOnReview, recordReviewOutcome, signReview } from './review-changes.ts';
import { reviewCycle, reviewCycles, startReview } from './reviews.ts';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));
const failure = (promise: Promise<unknown>) => promise.then(() => 'succeeded', codeOf);

describe.each(testDatabaseKinds())('performance reviews on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let seeded: Pick<PortfolioTestBed, 'own' | 'other'>;
  let otherSchoolAdmin: string;
  const now = new Date('2026-11-22T12:00:00Z');
  let tick = 0;
  const deps = () => portfolioDeps(context, 'test-request');
  const actorOf = (userId: string): Promise<Actor> => loadActor(database.kysely, userId);
  const auditActions = (trustId: string) => trustAuditActions(database.kysely, trustId);
  const notificationsOf = async (userId: string) =>
    (await database.kysely.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute()).map((r) => r.kind);

  beforeAll(async () => {
    ({ database, context, ...seeded } = await openPortfolioTestBed(kind, () => new Date(now.getTime() + tick++ * 1000)));
    // A school admin of a second school in the same trust.
    const schoolId = crypto.randomUUID();
    await organisations(database.kysely).insert({
      id: schoolId,
      trust_id: seeded.own.trustId,
      kind: 'school',
      name: 'Second School',
      phase: 'secondary',
      nation: 'England',
      urn: null,
      parent_id: seeded.own.trustId,
    });
    otherSchoolAdmin = crypto.randomUUID();
    await accounts(database.kysely).insert({
      id: otherSchoolAdmin,
      trust_id: seeded.own.trustId,
      person_id: null,
      email: 'admin@second.example',
      password_hash: null,
    });
    await accounts(database.kysely).assignRole({
      id: crypto.randomUUID(),
      trust_id: seeded.own.trustId,
      user_id: otherSchoolAdmin,
      role: 'school_admin',
      organisation_id: schoolId,
    });
  });
  afterAll(() => database.close());

  it('runs a cycle from objectives to signed off by both, then refuses every change', async () => {
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    const staff = await actorOf(seeded.own.users.staff.userId);
    const personId = seeded.own.reportId;

    expect((await reviewCycles(deps(), manager, personId)).canStart).toBe(true);
    expect((await reviewCycles(deps(), staff, personId)).canStart).toBe(false);
    const { id } = await startReview(deps(), manager, personId, {});
    expect(await failure(startReview(deps(), manager, personId, {}))).toBe('conflict');
    const listed = await reviewCycles(deps(), staff, personId);
    expect(listed.cycles.map((c) => [c.academicYear, c.stage])).toEqual([['2026/27', 'objectives']]);

    expect(await failure(advanceReview(deps(), manager, personId, id))).toBe('conflict');
    expect(await failure(addReviewObjective(deps(), manager, personId, id, { title: 'x', itemCodes: ['NOPE.1'] }))).toBe('validation');
    const detail = await reviewCycle(deps(), manager, personId, id);
    expect(detail.objectiveSuggestions[0]?.items.some((i) => i.code === 'TA3.D1')).toBe(true);
    const objective = await addReviewObjective(deps(), manager, personId, id, {
      title: 'Lead phonics interventions',
      description: 'Twice weekly with Year 1',
      itemCodes: ['TA3.D1'],
    });
    expect(await failure(commentOnReview(deps(), staff, personId, id, { body: 'Too early' }))).toBe('conflict');
    expect(await advanceReview(deps(), manager, personId, id)).toBe('mid-year');

    await commentOnReview(deps(), staff, personId, id, { body: 'Going well', objectiveId: objective.id });
    await commentOnReview(deps(), manager, personId, id, { body: 'Agreed' });
    expect(await advanceReview(deps(), manager, personId, id)).toBe('end-of-year');
    await commentOnReview(deps(), staff, personId, id, { body: 'All groups made progress' });

    expect(await failure(signReview(deps(), staff, personId, id, { as: 'staff' }))).toBe('conflict');
    expect(await failure(recordReviewOutcome(deps(), staff, personId, id, { outcome: 'Excellent' }))).toBe('forbidden');
    await recordReviewOutcome(deps(), manager, personId, id, { outcome: 'Objectives met' });
    expect(await failure(signReview(deps(), staff, personId, id, { as: 'reviewer' }))).toBe('forbidden');
    expect(await failure(signReview(deps(), manager, personId, id, { as: 'staff' }))).toBe('forbidden');

    const staffView = await reviewCycle(deps(), staff, personId, id);
    expect(staffView.you).toMatchObject({
      side: 'staff',
      canSign: true,
      canRecordOutcome: false,
      canAdvance: false,
      canAddObjective: false,
    });
    expect(await signReview(deps(), staff, personId, id, { as: 'staff' })).toBe('end-of-year');
    expect(await failure(signReview(deps(), staff, personId, id, { as: 'staff' }))).toBe('conflict');
    expect(await failure(recordReviewOutcome(deps(), manager, personId, id, { outcome: 'Changed' }))).toBe('conflict');
    expect(await signReview(deps(), manager, personId, id, { as: 'reviewer' })).toBe('signed-off');

    const done = await reviewCycle(deps(), staff, personId, id);
    expect(done.cycle.stage).toBe('signed-off');
    expect(done.cycle.outcome).toBe('Objectives met');
    expect(done.comments.map((c) => [c.stage, c.side])).toEqual([
      ['mid-year', 'staff'],
      ['mid-year', 'reviewer'],
      ['end-of-year', 'staff'],
    ]);
    expect(done.you).toMatchObject({ canSign: false, canComment: false });
    expect(done.reviewDuties.map((d) => d.code)).toContain('AT.D16');

    expect(await failure(commentOnReview(deps(), staff, personId, id, { body: 'Late' }))).toBe('conflict');
    expect(await failure(addReviewObjective(deps(), manager, personId, id, { title: 'Late' }))).toBe('conflict');
    expect(await failure(advanceReview(deps(), manager, personId, id))).toBe('conflict');
    expect(await failure(signReview(deps(), manager, personId, id, { as: 'reviewer' }))).toBe('conflict');

    const actions = await auditActions(seeded.own.trustId);
    for (const action of [
      'review.started',
      'review.objectiveAdded',
      'review.commented',
      'review.stageChanged',
      'review.outcomeRecorded',
      'review.signed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(await notificationsOf(seeded.own.users.staff.userId)).toContain('review.outcomeRecorded');
    expect(await notificationsOf(seeded.own.users.line_manager.userId)).toContain('review.commented');
  });

  it('keeps out a manager of another school, another trust and the person starting their own review', async () => {
    const personId = seeded.own.reportId;
    const staff = await actorOf(seeded.own.users.staff.userId);
    const cycleId = (await reviewCycles(deps(), staff, personId)).cycles[0]?.id ?? '';
    const elsewhere = await actorOf(otherSchoolAdmin);
    expect(await failure(reviewCycle(deps(), elsewhere, personId, cycleId))).toBe('forbidden');
    expect(await failure(reviewCycles(deps(), elsewhere, personId))).toBe('forbidden');
    const stranger = await actorOf(seeded.other.users.line_manager.userId);
    expect(await failure(reviewCycle(deps(), stranger, personId, cycleId))).toBe('not_found');
    expect(await failure(startReview(deps(), staff, personId, { academicYear: '2027/28' }))).toBe('forbidden');
    expect(await failure(reviewCycle(deps(), elsewhere, personId, crypto.randomUUID()))).toBe('forbidden');
  });

  it('lets the school admin start a review for another year, and refuses a year that is not one', async () => {
    const admin = await actorOf(seeded.own.users.school_admin.userId);
    const personId = seeded.own.reportId;
    expect(await failure(startReview(deps(), admin, personId, { academicYear: '2027/29' }))).toBe('validation');
    const { id } = await startReview(deps(), admin, personId, { academicYear: '2025/26' });
    const cycle = await reviewCycle(deps(), admin, personId, id);
    expect(cycle.cycle.reviewerId).toBe(seeded.own.users.school_admin.userId);
    expect(cycle.you.side).toBe('reviewer');
  });
});
