import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { training } from '../../store/training.ts';
import { buildTestContext, testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../apprenticeships/fixtures.ts';
import { createJobWorker } from '../jobs/worker.ts';
import { digestJobId, ensureTrainingDigestScheduled, nextDigestRun, trainingDigestHandler } from './training-digest.ts';
import { ensureTrainingKinds } from './training-kinds.ts';

describe('nextDigestRun', () => {
  it.each([
    ['2026-11-22T12:00:00Z', '2026-11-23T07:00:00.000Z'],
    ['2026-11-23T06:59:59Z', '2026-11-23T07:00:00.000Z'],
    ['2026-11-23T07:00:00Z', '2026-11-30T07:00:00.000Z'],
    ['2026-11-24T00:00:00Z', '2026-11-30T07:00:00.000Z'],
  ])('after %s is %s', (now, next) => {
    expect(nextDigestRun(new Date(now)).toISOString()).toBe(next);
  });

  it('names each week’s job the same way', () => {
    const at = new Date('2026-11-30T07:00:00Z');
    expect(digestJobId(at)).toBe(digestJobId(new Date(at)));
    expect(digestJobId(at)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(digestJobId(at)).not.toBe(digestJobId(new Date('2026-12-07T07:00:00Z')));
  });
});

describe.each(testDatabaseKinds())('the weekly training digest on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  // A Monday, at the digest's hour.
  let now = new Date('2026-11-23T07:00:00Z');
  const clock = () => now;

  const pendingDigests = () =>
    database.kysely
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('kind', '=', 'training.digest')
      .where('done_at', 'is', null)
      .execute();
  const outbox = () => database.kysely.selectFrom('outbox_messages').selectAll().orderBy('recipient').execute();
  /** A job worker that runs only the digest, on the test's clock. */
  const digestWorker = async () => {
    const { config, catalogue } = await buildTestContext(database, { clock });
    return createJobWorker({
      db: database.kysely,
      clock,
      handlers: {
        'training.digest': trainingDigestHandler({
          db: database.kysely,
          auditKey: testKeys.auditKey,
          config,
          demo: false,
          clock,
          catalogue: () => catalogue.current(),
        }),
      },
    });
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
  });
  afterAll(() => database.close());

  it('keeps exactly one pending digest, however many servers start', async () => {
    now = new Date('2026-11-22T12:00:00Z');
    await Promise.all([1, 2, 3].map(() => ensureTrainingDigestScheduled(database.kysely, clock)));
    await ensureTrainingDigestScheduled(database.kysely, clock);
    const pending = await pendingDigests();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.run_at.toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });

  it('sends nothing when nothing is due, and reschedules a week later', async () => {
    now = new Date('2026-11-23T07:00:00Z');
    const worker = await digestWorker();
    expect(await worker.drain()).toBe(1);
    expect(await outbox()).toEqual([]);
    const pending = await pendingDigests();
    expect(pending.map((p) => p.run_at.toISOString())).toEqual(['2026-11-30T07:00:00.000Z']);
  });

  it('emails each school’s admins who is out of date and who expires within 30 days, only for their school', async () => {
    const trustId = seeded.own.trustId;
    const kinds = await database.kysely.transaction().execute((trx) => ensureTrainingKinds(trx, trustId, testKeys));
    const code = (c: string) => kinds.find((k) => k.code === c)?.id ?? '';
    const record = (personId: string, kindId: string, completedOn: string, expiresOn: string) =>
      training(database.kysely).insertRecord({
        id: crypto.randomUUID(),
        trustId,
        personId,
        kindId,
        completedOn,
        expiresOn,
        provider: null,
        recordedBy: seeded.own.users.trust_admin.userId,
        recordedAt: now,
      });
    await record(seeded.own.reportId, code('safeguarding'), '2025-11-01', '2026-11-01');
    await record(seeded.own.otherPersonId, code('first-aid'), '2023-12-10', '2026-12-10');
    // Expiring in 60 days: not in the digest.
    await record(seeded.own.otherPersonId, code('data-protection'), '2025-01-20', '2027-01-20');
    // A second, disabled school admin of the same school receives nothing.
    const disabledId = crypto.randomUUID();
    await database.kysely
      .insertInto('user_accounts')
      .values({ id: disabledId, trust_id: trustId, person_id: null, email: 'gone@alpha.example', password_hash: null, disabled_at: now })
      .execute();
    await database.kysely
      .insertInto('role_assignments')
      .values({
        id: crypto.randomUUID(),
        trust_id: trustId,
        user_id: disabledId,
        role: 'school_admin',
        organisation_id: seeded.own.schoolId,
      })
      .execute();

    now = new Date('2026-11-30T07:00:00Z');
    const worker = await digestWorker();
    expect(await worker.drain()).toBe(1);
    const mail = await outbox();
    expect(mail.map((m) => m.recipient)).toEqual([seeded.own.users.school_admin.email]);
    const [message] = mail;
    expect(message?.subject).toBe('Mandatory training at alpha School: 1 out of date, 1 expiring within 30 days');
    expect(message?.body_text).toContain(
      'Out of date (1):\n- alpha staff: Safeguarding and child protection (including online safety) (expired 2026-11-01)',
    );
    expect(message?.body_text).toContain('Expiring within 30 days (1):\n- Other Person: First aid at work (expires 2026-12-10)');
    expect(message?.body_text).not.toContain('Data protection');
    expect(message?.body_text).toContain(`/organisations/${seeded.own.schoolId}/training`);
    expect((await pendingDigests()).map((p) => p.run_at.toISOString())).toEqual(['2026-12-07T07:00:00.000Z']);
  });

  it('also tells who holds an overdue progress review (employer’s admin, line manager, provider’s assessor), with a link to the review page', async () => {
    const { own } = seeded;
    const provider = await seedProvider(database.kysely, 'northfield');
    // Due 12 weeks after the start, on 24 August 2026; another apprentice's first review is not due yet.
    const overdue = await seedEnrolment(database.kysely, {
      trustId: own.trustId,
      personId: own.reportId,
      employerId: own.schoolId,
      providerId: provider.providerId,
      startDate: '2026-06-01',
    });
    await seedEnrolment(database.kysely, {
      trustId: own.trustId,
      personId: own.otherPersonId,
      employerId: own.schoolId,
      providerId: provider.providerId,
      startDate: '2026-11-02',
    });

    now = new Date('2026-12-07T07:00:00Z');
    const worker = await digestWorker();
    expect(await worker.drain()).toBe(1);
    const reviews = (await outbox()).filter((m) => m.subject.startsWith('Progress reviews overdue'));
    expect(reviews.map((m) => m.recipient)).toEqual(
      [provider.assessor.email, own.users.line_manager.email, own.users.school_admin.email].sort(),
    );
    for (const message of reviews) {
      expect(message.subject).toBe('Progress reviews overdue: 1 apprentice');
      expect(message.body_text).toContain(
        '- alpha staff (alpha School), L5: Specialist teaching assistant (ST1414) with northfield Training',
      );
      expect(message.body_text).toContain('due by 24 August 2026, 105 days overdue');
      expect(message.body_text).toContain(`/enrolments/${overdue}/reviews`);
      expect(message.body_text).not.toContain('Other Person');
    }
    expect(reviews.find((m) => m.recipient === provider.assessor.email)?.trust_id).toBe(provider.providerId);
    expect((await pendingDigests()).map((p) => p.run_at.toISOString())).toEqual(['2026-12-14T07:00:00.000Z']);
  });
});
