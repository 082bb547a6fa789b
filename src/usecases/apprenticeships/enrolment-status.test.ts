import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import type { ApprenticeshipDeps } from './deps.ts';
import { recordStatusChange } from './enrolment-status.ts';
import { confirmGateway, loadEnrolment } from './enrolments.ts';
import { seedEnrolment } from './fixtures.ts';
import { enrolmentGateway } from './gateway.ts';
import { arrangeGatewayReadiness, sendKsbCodes } from './gateway-testing.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedOffTheJobWorld } from './off-the-job-testing.ts';

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
};

describe.each(testDatabaseKinds())('the status of an enrolment on the way to completion, on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: OffTheJobWorld;
  const providerOfWorld = async () =>
    (await database.kysely.selectFrom('enrolments').select('provider_id').where('id', '=', world.enrolmentId).executeTakeFirstOrThrow())
      .provider_id;
  const history = () => enrolments(database.kysely).history(world.trusts.own.trustId, world.enrolmentId);
  const statusEvents = async () =>
    (
      await database.kysely
        .selectFrom('audit_events')
        .select(['action', 'data'])
        .where('action', '=', 'enrolment.statusChanged')
        .orderBy('id')
        .execute()
    ).map((e) => (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as { enrolmentId: string; after: { status: string } });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Twenty-one months into a 24-month ST1414 SEND apprenticeship started on 1 September 2025.
    deps = await apprenticeshipTestDeps(database.kysely, '2027-06-01');
    world = await seedOffTheJobWorld(database.kysely);
    // Every KSB judged met but three recognised as prior learning; 420 approved hours; no confirmation yet.
    await arrangeGatewayReadiness(database.kysely, deps.catalogue, world, {
      recognised: ['ST1414.K1', 'ST1414.K30', 'ST1414.S27'],
    });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('refuses "at Gateway to Completion" while the readiness is not ready, listing each unmet item and what to do, and writes nothing', async () => {
    const { readiness } = await enrolmentGateway(deps, world.assessor, world.enrolmentId);
    if (!readiness.applies) throw new Error(readiness.reason);
    expect(readiness.items.filter((i) => !i.met).map((i) => i.id)).toEqual([
      'gateway-employer-confirmation',
      'gateway-provider-confirmation',
    ]);

    const refused = await refusal(
      recordStatusChange(deps, world.assessor, world.enrolmentId, { status: 'at_gateway', effectiveFrom: '2027-06-01' }),
    );
    expect(refused).toMatchObject({ code: 'validation', message: 'Check the status change' });
    expect(refused.details).toEqual([
      {
        where: 'status',
        reason:
          'the apprentice is not ready for Gateway to Completion: 2 items are not met — ' +
          "“The employer confirms the apprentice is ready” (next: the employer (the line manager or the school's admin) records the employer's confirmation on the enrolment); " +
          "“The training provider confirms the apprentice is ready” (next: the training provider's assessor records the provider's confirmation on the enrolment)",
      },
    ]);
    expect((await loadEnrolment(deps, world.assessor, world.enrolmentId, 'enrolment.read')).status).toBe('on_programme');
    expect(await history()).toHaveLength(1);
    expect(await statusEvents()).toEqual([]);
  });

  it('names an unmet KSB and the missing hours too, once confirmed but short of them', async () => {
    // A colleague on the same programme with the same provider: one KSB not yet met, 350 hours approved, both confirmed.
    const own = world.trusts.own;
    const id = await seedEnrolment(database.kysely, {
      trustId: own.trustId,
      personId: own.otherPersonId,
      employerId: own.schoolId,
      providerId: await providerOfWorld(),
    });
    await database.kysely
      .updateTable('enrolments')
      .set({ fixed_minimum_hours: 400, fixed_minimum_source: 'entered for the test' })
      .where('id', '=', id)
      .execute();
    await arrangeGatewayReadiness(database.kysely, deps.catalogue, world, {
      enrolment: { id, personId: own.otherPersonId },
      unmet: ['ST1414.S29'],
      offTheJobDays: 50,
      confirmed: true,
    });
    const refused = await refusal(recordStatusChange(deps, world.schoolAdmin, id, { status: 'at_gateway', effectiveFrom: '2027-06-01' }));
    const reason = refused.details[0]?.reason ?? '';
    expect(reason).toMatch(/^the apprentice is not ready for Gateway to Completion: 2 items are not met — /);
    expect(reason).toContain('“All the knowledge, skills and behaviours of the core and your chosen option are met”');
    expect(reason).toContain(
      '“The off-the-job training minimum is met (approved hours)” (next: log the off-the-job training still needed and ask the training provider to approve it)',
    );
    expect(reason).not.toContain('confirms the apprentice is ready');
    expect(refused.details).toHaveLength(1);
  });

  it('goes on programme → at Gateway to Completion → in apprenticeship assessment → completed with the grade, each change audited', async () => {
    await confirmGateway(deps, world.manager, world.enrolmentId, { party: 'employer' });
    await confirmGateway(deps, world.assessor, world.enrolmentId, { party: 'provider' });
    const { readiness } = await enrolmentGateway(deps, world.apprentice, world.enrolmentId);
    expect(readiness).toMatchObject({ applies: true, ready: true });

    // Not straight to the assessment, and not completed without its grade.
    const skipped = await refusal(
      recordStatusChange(deps, world.assessor, world.enrolmentId, { status: 'in_assessment', effectiveFrom: '2027-06-01' }),
    );
    expect(skipped.details).toEqual([
      {
        where: 'status',
        reason: 'from on programme the next status can only be break in learning, at gateway to completion, withdrawn',
      },
    ]);

    await recordStatusChange(deps, world.assessor, world.enrolmentId, { status: 'at_gateway', effectiveFrom: '2027-05-24' });
    expect((await loadEnrolment(deps, world.assessor, world.enrolmentId, 'enrolment.read')).status).toBe('at_gateway');
    await recordStatusChange(deps, world.schoolAdmin, world.enrolmentId, { status: 'in_assessment', effectiveFrom: '2027-05-28' });
    const noGrade = await refusal(
      recordStatusChange(deps, world.assessor, world.enrolmentId, { status: 'completed', effectiveFrom: '2027-06-01' }),
    );
    expect(noGrade.details).toEqual([{ where: 'grade', reason: 'a completion needs the grade awarded' }]);
    await recordStatusChange(deps, world.assessor, world.enrolmentId, {
      status: 'completed',
      effectiveFrom: '2027-06-01',
      grade: 'Distinction',
    });

    const enrolment = await loadEnrolment(deps, world.apprentice, world.enrolmentId, 'enrolment.read');
    expect(enrolment.status).toBe('completed');
    expect((await history()).map((h) => [h.status, h.effectiveFrom, h.grade])).toEqual([
      ['on_programme', '2025-09-01', null],
      ['at_gateway', '2027-05-24', null],
      ['in_assessment', '2027-05-28', null],
      ['completed', '2027-06-01', 'Distinction'],
    ]);
    expect((await statusEvents()).filter((e) => e.enrolmentId === world.enrolmentId).map((e) => e.after.status)).toEqual([
      'at_gateway',
      'in_assessment',
      'completed',
    ]);
    // Completed is final.
    const after = await refusal(
      recordStatusChange(deps, world.assessor, world.enrolmentId, { status: 'withdrawn', effectiveFrom: '2027-06-01', reason: 'Left' }),
    );
    expect(after.details[0]?.reason).toBe('the enrolment is completed: no further change can be recorded');
    // Only the employer's admins and the provider's assessor keep the status: not the line manager or the apprentice.
    expect(await refusal(recordStatusChange(deps, world.manager, world.enrolmentId, { status: 'withdrawn' }))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('has no Gateway to Completion to record for a legacy framework pathway', async () => {
    const own = world.trusts.own;
    const id = await seedEnrolment(database.kysely, {
      trustId: own.trustId,
      personId: own.otherPersonId,
      employerId: own.schoolId,
      providerId: await providerOfWorld(),
      startDate: '2025-09-01',
      programme: { id: 'FR04171.ADVANCED', optionCode: null },
    });
    const refused = await refusal(recordStatusChange(deps, world.schoolAdmin, id, { status: 'at_gateway', effectiveFrom: '2027-06-01' }));
    expect(refused.details).toEqual([{ where: 'status', reason: expect.stringMatching(/^there is no Gateway to Completion: A legacy/) }]);
    expect(await enrolments(database.kysely).countStatusChanges(id)).toBe(1);
  });

  it('uses the SEND scope for the KSBs the builder judges: 70 of them', () => {
    expect(sendKsbCodes(deps.catalogue)).toHaveLength(70);
  });
});
