import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { degreeModules } from '../../store/apprenticeships/associate-teacher-modules.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { associateTeacherPage, recordModule } from './associate-teacher.ts';
import { type AssociateTeacherWorld, seedAssociateTeacherWorld } from './associate-teacher-testing.ts';
import type { ApprenticeshipDeps } from './deps.ts';
import { apprenticeshipTestDeps } from './off-the-job-testing.ts';

describe.each(testDatabaseKinds())('the Associate Teacher’s Foundation Degree on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: AssociateTeacherWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = await apprenticeshipTestDeps(database.kysely, '2026-12-03');
    world = await seedAssociateTeacherWorld(database.kysely);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const mod = (code: string, level: number, credits: number, mark: number | null = 62) => ({
    code,
    title: `Module ${code}`,
    level: String(level),
    credits: String(credits),
    result: mark === null ? 'in_progress' : 'passed',
    mark: mark === null ? '' : String(mark),
  });

  it('the provider records modules with credits and marks, and the degree reaches 240 credits with 90 at level 5', async () => {
    const { assessor } = world.actors;
    for (const [i, credits] of [40, 40, 40].entries()) await recordModule(deps, assessor, world.enrolmentId, mod(`ATF10${i}`, 4, credits));
    await recordModule(deps, assessor, world.enrolmentId, mod('ATF201', 5, 60));
    const { id } = await recordModule(deps, assessor, world.enrolmentId, mod('ATF202', 5, 60, null));

    let page = await associateTeacherPage(deps, await world.actors.at(), world.enrolmentId);
    expect(page.progress.total).toEqual({ passed: 180, inProgress: 60, required: 240, met: false });
    expect(page.progress.stillNeeded).toEqual([
      '60 more credits in all (180 of 240 earned)',
      '30 more credits at level 5 (60 of at least 90 earned)',
    ]);
    expect(page.can.recordModules).toBe(false);

    await recordModule(deps, assessor, world.enrolmentId, mod('ATF202', 5, 60, 71), id);
    page = await associateTeacherPage(deps, assessor, world.enrolmentId);
    expect(page.progress).toMatchObject({ complete: true, percent: 100, total: { passed: 240 } });
    expect(page.modules.find((m) => m.code === 'ATF202')).toMatchObject({ mark: 71, result: 'passed', resultName: 'Passed' });
    expect(page.can.recordModules).toBe(true);
    expect(page.duties.duties).toHaveLength(16);
    expect(page.duties.duties[0]).toMatchObject({ code: 'AT.D1', judgement: 'not-started' });
    // The Associate Teacher's own submitted evidence claims duty 13.
    expect(page.duties.duties.find((d) => d.code === 'AT.D13')?.evidenceCount).toBe(1);
  });

  it('refuses a bad mark, a level 6 module and a repeated code with the field and the reason, and stores nothing', async () => {
    const before = await degreeModules(database.kysely).listForEnrolment(world.trusts.own.trustId, world.enrolmentId);
    await expect(recordModule(deps, world.actors.assessor, world.enrolmentId, mod('ATF301', 5, 20, 140))).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: '$.mark', reason: 'The mark is 100 or less' }],
    });
    await expect(recordModule(deps, world.actors.assessor, world.enrolmentId, mod('ATF301', 6, 20))).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: 'level', reason: 'A Foundation Degree module is at level 4 or 5, not level 6' }],
    });
    await expect(
      recordModule(deps, world.actors.assessor, world.enrolmentId, { ...mod('ATF301', 5, 20), mark: 'sixty' }),
    ).rejects.toMatchObject({ code: 'validation', details: [{ where: '$.mark', reason: 'Enter the mark as a whole number' }] });
    await expect(recordModule(deps, world.actors.assessor, world.enrolmentId, mod('atf201', 5, 20))).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: 'code' }],
    });
    expect(await degreeModules(database.kysely).listForEnrolment(world.trusts.own.trustId, world.enrolmentId)).toEqual(before);
  });

  it('only the enrolment’s own provider records modules; another provider and another trust get not found', async () => {
    await expect(recordModule(deps, world.actors.manager, world.enrolmentId, mod('ATF302', 5, 20))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(recordModule(deps, await world.actors.at(), world.enrolmentId, mod('ATF302', 5, 20))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(recordModule(deps, world.actors.otherAssessor, world.enrolmentId, mod('ATF302', 5, 20))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(associateTeacherPage(deps, world.actors.otherTrustAdmin, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(associateTeacherPage(deps, world.actors.otherAssessor, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an enrolment on another programme has no Associate Teacher page', async () => {
    await expect(associateTeacherPage(deps, world.actors.assessor, world.otherEnrolmentId)).rejects.toMatchObject({
      code: 'not_found',
      message: 'This enrolment is not on the Associate Teacher programme',
    });
  });
});
