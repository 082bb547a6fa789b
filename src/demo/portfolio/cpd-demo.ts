import type { Kysely } from 'kysely';
import { CpdInput } from '../../contracts/portfolio/cpd.ts';
import { academicYearBounds, academicYearOf } from '../../domain/academic-year.ts';
import { audit } from '../../store/audit.ts';
import { cpdActivities } from '../../store/cpd.ts';
import { reviews } from '../../store/reviews.ts';
import type { Tables } from '../../store/tables.ts';

/** Demo activities, dated by academic year: 0 = the current year, 1 = the one before. */
const demoActivities = [
  {
    yearsAgo: 1,
    monthDay: '10-14',
    title: 'Supporting early reading: phonics refresher',
    provider: 'Local authority training',
    kind: 'course',
    minutes: 180,
  },
  {
    yearsAgo: 1,
    monthDay: '02-03',
    title: 'Team Teach positive handling (foundation)',
    provider: 'Team Teach',
    kind: 'in-school-training',
    minutes: 360,
  },
  { yearsAgo: 1, monthDay: '06-20', title: 'Observed a Year 2 maths mastery lesson', provider: null, kind: 'observation', minutes: 60 },
  {
    yearsAgo: 0,
    monthDay: '09-05',
    title: 'Safeguarding update for support staff',
    provider: 'Riverside Learning Trust (in-house)',
    kind: 'in-school-training',
    minutes: 90,
  },
  {
    yearsAgo: 0,
    monthDay: '10-09',
    title: 'Coaching conversation with the SENCo on small-group interventions',
    provider: null,
    kind: 'coaching',
    minutes: 45,
  },
] as const;

/**
 * Seeds a demo member of staff's CPD log (done activities across the current and the previous
 * academic year, and one planned) and their current review at mid-year, with an objective and a
 * comment from each side. `staff`: the person and their account; `manager`: the line manager's
 * account, who is the reviewer. Dates before the clock only. Returns the review's id.
 */
export const seedDemoCpd = async (
  trx: Kysely<Tables>,
  options: {
    trustId: string;
    clock: () => Date;
    auditKey: Uint8Array;
    people: { staff: { personId: string; userId: string }; manager: { userId: string } };
    newId?: () => string;
  },
): Promise<{ reviewId: string }> => {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.clock();
  const today = now.toISOString().slice(0, 10);
  const currentStart = Number(academicYearBounds(academicYearOf(now)).start.slice(0, 4));
  const { trustId } = options;
  const { staff, manager } = options.people;
  const events: Parameters<ReturnType<typeof audit>['record']>[0][] = [];

  for (const { yearsAgo, monthDay, ...activity } of demoActivities) {
    const startYear = currentStart - yearsAgo;
    const month = Number(monthDay.slice(0, 2));
    let occurredOn = `${month >= 9 ? startYear : startYear + 1}-${monthDay}`;
    if (occurredOn > today) occurredOn = today;
    const input = CpdInput.parse({ ...activity, status: 'done', occurredOn, itemCodes: [], reflection: '' });
    const id = newId();
    await cpdActivities(trx).insert({ id, trustId, personId: staff.personId, input, suggestedBy: null, createdBy: staff.userId, at: now });
    events.push({
      trustId,
      actor: staff.userId,
      action: 'cpd.added',
      entity: 'cpd_activity',
      entityId: id,
      data: { personId: staff.personId, before: null, after: input },
      requestId: null,
    });
  }
  const planned = CpdInput.parse({
    title: 'Level 3 Certificate in Supporting Teaching and Learning: first unit',
    provider: null,
    kind: 'qualification-unit',
    status: 'planned',
    minutes: 0,
  });
  const plannedId = newId();
  await cpdActivities(trx).insert({
    id: plannedId,
    trustId,
    personId: staff.personId,
    input: planned,
    suggestedBy: null,
    createdBy: staff.userId,
    at: now,
  });
  events.push({
    trustId,
    actor: staff.userId,
    action: 'cpd.added',
    entity: 'cpd_activity',
    entityId: plannedId,
    data: { personId: staff.personId, before: null, after: planned },
    requestId: null,
  });

  const reviewId = newId();
  const academicYear = academicYearOf(now);
  await reviews(trx).insert({ id: reviewId, trustId, personId: staff.personId, academicYear, reviewerId: manager.userId, at: now });
  const objectiveId = newId();
  const objective = {
    title: 'Run the Year 2 phonics catch-up group',
    description: 'Three sessions a week, with progress checks every half term.',
    itemCodes: [],
  };
  await reviews(trx).insertObjective({ id: objectiveId, trustId, cycleId: reviewId, ...objective });
  await reviews(trx).update(trustId, reviewId, { stage: 'mid-year' }, now);
  const comments = [
    {
      side: 'staff',
      body: 'The group has grown in confidence; two pupils have moved back to whole-class phonics.',
      writtenBy: staff.userId,
    },
    {
      side: 'reviewer',
      body: 'Good progress. Let us look at using the same approach with Year 3 after Easter.',
      writtenBy: manager.userId,
    },
  ] as const;
  for (const c of comments) {
    const id = newId();
    await reviews(trx).insertComment({
      id,
      trustId,
      cycleId: reviewId,
      stage: 'mid-year',
      side: c.side,
      objectiveId,
      body: c.body,
      writtenBy: c.writtenBy,
      at: now,
    });
    events.push({
      trustId,
      actor: c.writtenBy,
      action: 'review.commented',
      entity: 'review_cycle',
      entityId: reviewId,
      data: { personId: staff.personId, before: null, after: { commentId: id, stage: 'mid-year', side: c.side, body: c.body } },
      requestId: null,
    });
  }
  events.unshift(
    {
      trustId,
      actor: manager.userId,
      action: 'review.started',
      entity: 'review_cycle',
      entityId: reviewId,
      data: { personId: staff.personId, before: null, after: { academicYear, stage: 'objectives', reviewerId: manager.userId } },
      requestId: null,
    },
    {
      trustId,
      actor: manager.userId,
      action: 'review.objectiveAdded',
      entity: 'review_cycle',
      entityId: reviewId,
      data: { personId: staff.personId, before: null, after: { objectiveId, ...objective } },
      requestId: null,
    },
    {
      trustId,
      actor: manager.userId,
      action: 'review.stageChanged',
      entity: 'review_cycle',
      entityId: reviewId,
      data: { personId: staff.personId, before: { stage: 'objectives' }, after: { stage: 'mid-year' } },
      requestId: null,
    },
  );
  await audit(trx, options.auditKey).record(...events);
  return { reviewId };
};
