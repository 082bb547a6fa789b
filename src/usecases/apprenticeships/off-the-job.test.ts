import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { approvedOffTheJobHours, approvedOffTheJobHoursOf } from '../../store/apprenticeships/off-the-job.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { decideOffTheJobEntry, logOffTheJob, readOffTheJob, recordEvidenceTime, updateOffTheJobEntry } from './off-the-job.ts';
import type { ApprenticeshipDeps } from './off-the-job-access.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedAcceptedEvidence, seedOffTheJobWorld } from './off-the-job-testing.ts';

const entry = (over: Record<string, unknown> = {}) => ({
  date: '2025-10-06',
  hours: 3,
  activity: 'teaching-of-theory',
  description: 'SEND code of practice workshop at the provider',
  ksbCodes: ['ST1414.K30'],
  evidenceIds: [],
  ...over,
});

describe.each(testDatabaseKinds())('the off-the-job log on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: OffTheJobWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = await apprenticeshipTestDeps(database.kysely, '2025-11-03');
    world = await seedOffTheJobWorld(database.kysely);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const entryCount = async () =>
    Number(
      (
        await database.kysely
          .selectFrom('off_the_job_entries')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('counts hours once the provider’s assessor approves them; returned hours wait for the apprentice to put them right', async () => {
    const first = await logOffTheJob(deps, world.apprentice, world.enrolmentId, entry());
    const second = await logOffTheJob(
      deps,
      world.apprentice,
      world.enrolmentId,
      entry({ date: '2025-10-13', hours: 1.5, activity: 'shadowing', ksbCodes: [] }),
    );
    expect(await approvedOffTheJobHours(database.kysely, world.enrolmentId)).toBe(0);
    await decideOffTheJobEntry(deps, world.assessor, world.enrolmentId, first, { decision: 'approve' });
    await expect(decideOffTheJobEntry(deps, world.assessor, world.enrolmentId, second, { decision: 'return' })).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: '$.feedback', reason: 'Say why the entry is returned, so the apprentice can put it right' }],
    });
    await decideOffTheJobEntry(deps, world.assessor, world.enrolmentId, second, { decision: 'return', feedback: 'Say what you learnt.' });
    expect(await approvedOffTheJobHours(database.kysely, world.enrolmentId)).toBe(3);

    const page = await readOffTheJob(deps, world.apprentice, world.enrolmentId);
    expect(page.status.approvedHours).toBe(3);
    expect(page.entries.map((e) => [e.status, e.feedback, e.can.edit])).toEqual([
      ['approved', null, false],
      ['returned', 'Say what you learnt.', true],
    ]);
    expect(page.entries[0]?.ksbs[0]?.label).toMatch(/^ST1414\.K30 — \S/);
    expect(page.status.minimum).toMatchObject({ ok: true, rule: 'otj-2025-08', minimumHours: 400 });

    await updateOffTheJobEntry(
      deps,
      world.apprentice,
      world.enrolmentId,
      second,
      entry({
        date: '2025-10-13',
        hours: 1.5,
        activity: 'shadowing',
        ksbCodes: [],
        description: 'Shadowed the SENCo; learnt how plans are reviewed',
      }),
    );
    await expect(updateOffTheJobEntry(deps, world.apprentice, world.enrolmentId, first, entry())).rejects.toMatchObject({
      code: 'conflict',
    });
    await decideOffTheJobEntry(deps, world.assessor, world.enrolmentId, second, { decision: 'approve' });
    expect(await approvedOffTheJobHours(database.kysely, world.enrolmentId)).toBe(4.5);
  });

  it('counts evidence time once: on its own when accepted, and not again when an approved entry links the evidence', async () => {
    const before = await approvedOffTheJobHours(database.kysely, world.enrolmentId);
    const evidenceId = await seedAcceptedEvidence(database.kysely, {
      trustId: world.trusts.own.trustId,
      personId: world.trusts.own.reportId,
      createdBy: world.apprentice.userId,
      decidedBy: world.assessor.userId,
      occurredOn: '2025-10-20',
      itemCodes: ['ST1414.K31'],
    });
    await recordEvidenceTime(deps, world.apprentice, world.enrolmentId, { evidenceId, hours: 2 });
    expect(await approvedOffTheJobHours(database.kysely, world.enrolmentId)).toBe(before + 2);
    const linking = await logOffTheJob(
      deps,
      world.apprentice,
      world.enrolmentId,
      entry({ date: '2025-10-20', hours: 2, activity: 'writing-assignments', evidenceIds: [evidenceId] }),
    );
    await decideOffTheJobEntry(deps, world.assessor, world.enrolmentId, linking, { decision: 'approve' });
    expect(await approvedOffTheJobHours(database.kysely, world.enrolmentId)).toBe(before + 2);
    const page = await readOffTheJob(deps, world.assessor, world.enrolmentId);
    expect(page.status.approvedHours).toBe(before + 2);
    expect(page.evidenceTime).toEqual([expect.objectContaining({ evidenceId, hours: 2, counts: 'through an entry' })]);
    expect((await approvedOffTheJobHoursOf(database.kysely, [world.enrolmentId])).get(world.enrolmentId)).toBe(before + 2);
  });

  it('refuses bad entries with the field and the reason, and writes nothing', async () => {
    const count = await entryCount();
    await expect(logOffTheJob(deps, world.apprentice, world.enrolmentId, entry({ ksbCodes: ['ST1414.K36'] }))).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: '$.ksbCodes', reason: 'Not in this apprenticeship’s KSBs: K36' }],
    });
    await expect(logOffTheJob(deps, world.apprentice, world.enrolmentId, entry({ date: '2025-12-01' }))).rejects.toMatchObject({
      details: [{ where: '$.date', reason: 'The date must be today or in the past' }],
    });
    await expect(logOffTheJob(deps, world.apprentice, world.enrolmentId, entry({ hours: 1.1 }))).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(logOffTheJob(deps, world.apprentice, world.enrolmentId, entry({ activity: 'sleeping' }))).rejects.toMatchObject({
      details: [{ where: '$.activity', reason: 'Choose the kind of training from the list' }],
    });
    expect(await entryCount()).toBe(count);
  });

  it('lets only the enrolment’s own provider approve; another provider’s assessor and another trust get not found', async () => {
    const id = await logOffTheJob(deps, world.apprentice, world.enrolmentId, entry({ date: '2025-10-27' }));
    await expect(decideOffTheJobEntry(deps, world.apprentice, world.enrolmentId, id, { decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(decideOffTheJobEntry(deps, world.manager, world.enrolmentId, id, { decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(decideOffTheJobEntry(deps, world.otherAssessor, world.enrolmentId, id, { decision: 'approve' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(readOffTheJob(deps, world.otherAssessor, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readOffTheJob(deps, world.otherTrustAdmin, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
    const managerView = await readOffTheJob(deps, world.manager, world.enrolmentId);
    expect(managerView.can).toEqual({ log: false, decide: false });
    expect((await readOffTheJob(deps, world.assessor, world.enrolmentId)).can).toEqual({ log: true, decide: true });
  });

  it('pauses the planned line during a break in learning, so the apprentice does not fall behind while away', async () => {
    const at = (today: string) => apprenticeshipTestDeps(database.kysely, today);
    const inFebruary = await readOffTheJob(await at('2026-02-27'), world.assessor, world.enrolmentId);
    expect(inFebruary.status.progress).toMatchObject({ paused: false, atRisk: true });
    await enrolments(database.kysely).insertStatusChange({
      id: crypto.randomUUID(),
      trustId: world.trusts.own.trustId,
      enrolmentId: world.enrolmentId,
      status: 'break_in_learning',
      effectiveFrom: '2025-11-04',
      effectiveTo: '2026-02-27',
      grade: null,
      reason: 'Illness',
      recordedBy: null,
      at: new Date(),
    });
    const paused = await readOffTheJob(await at('2026-02-27'), world.assessor, world.enrolmentId);
    expect(paused.status.progress).toMatchObject({ paused: true });
    expect(paused.status.progress?.plannedHours).toBeLessThan(inFebruary.status.progress?.plannedHours ?? 0);
    expect(paused.status.practicalPeriodEnd).toBe('2027-12-25');
    await expect(
      logOffTheJob(await at('2026-02-27'), world.apprentice, world.enrolmentId, entry({ date: '2025-12-01' })),
    ).rejects.toMatchObject({
      details: [{ where: '$.date', reason: 'The date falls in a break in learning, when no training is planned' }],
    });
  });
});
