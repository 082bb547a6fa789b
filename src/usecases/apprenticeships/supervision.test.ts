import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgements } from '../../store/judgements.ts';
import { people } from '../../store/people.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import type { PortfolioDeps } from '../portfolio/deps.ts';
import { portfolioDeps } from '../portfolio/deps.ts';
import { type AssociateTeacherWorld, seedAssociateTeacherWorld } from './associate-teacher-testing.ts';
import { endSupervision, linkSupervisee, setSupervisionSetting, supervisionPage } from './supervision.ts';
import { decideAsSupervisor, supervisionQueue, supervisorDecisionPage } from './supervision-queue.ts';

const accept = (codes: string[]) => ({ decisions: codes.map((itemCode) => ({ itemCode, outcome: 'accepted' as const })) });

describe.each(testDatabaseKinds())('Associate Teacher supervision on %s', (kind) => {
  let database: TestDatabase;
  let deps: PortfolioDeps;
  let world: AssociateTeacherWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = portfolioDeps(await buildTestContext(database, { clock: () => new Date('2026-12-03T12:00:00Z') }));
    world = await seedAssociateTeacherWorld(database.kysely);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('the Associate Teacher’s line manager links a TA3 colleague; a TA2, themselves and another trust’s staff are refused', async () => {
    const own = world.trusts.own;
    const page = await supervisionPage(deps, world.actors.manager, world.atPersonId);
    expect(page.cannotSupervise).toBeNull();
    expect(page.candidates.map((c) => c.value)).toEqual(expect.arrayContaining([own.reportId, own.otherPersonId]));
    expect(page.candidates.find((c) => c.value === own.reportId)?.text).toMatch(/\(TA3 — /);
    expect(page.schoolAllowsDecisions).toBe(false);
    expect(page.can.changeSetting).toBe(false);

    await linkSupervisee(deps, world.actors.manager, world.atPersonId, { superviseeId: own.reportId });
    await expect(linkSupervisee(deps, world.actors.manager, world.atPersonId, { superviseeId: own.reportId })).rejects.toMatchObject({
      code: 'conflict',
    });
    const ta2 = crypto.randomUUID();
    await people(database.kysely).insert({
      id: ta2,
      trust_id: own.trustId,
      organisation_id: own.schoolId,
      given_name: 'Tom',
      family_name: 'Level-Two',
      work_email: null,
      staff_code: 'ALPHA-TOM',
      graded_role: 'TA2',
      job_title: 'Teaching assistant',
      line_manager_id: null,
      left_on: null,
    });
    await expect(linkSupervisee(deps, world.actors.schoolAdmin, world.atPersonId, { superviseeId: ta2 })).rejects.toMatchObject({
      code: 'validation',
      details: [
        {
          where: 'superviseeId',
          reason: expect.stringMatching(/supervises Level 3 and 4 colleagues; this colleague’s role is at level 2/),
        },
      ],
    });
    await expect(linkSupervisee(deps, world.actors.manager, world.atPersonId, { superviseeId: world.atPersonId })).rejects.toMatchObject({
      details: [{ where: 'superviseeId', reason: 'Nobody supervises themselves: choose a colleague' }],
    });
    await expect(
      linkSupervisee(deps, world.actors.manager, world.atPersonId, { superviseeId: world.trusts.other.reportId }),
    ).rejects.toMatchObject({ code: 'validation', details: [{ where: 'superviseeId', reason: 'Choose a colleague from the list' }] });
    // A colleague who is no Associate Teacher supervises nobody.
    await expect(linkSupervisee(deps, world.actors.schoolAdmin, own.reportId, { superviseeId: own.otherPersonId })).rejects.toMatchObject({
      code: 'validation',
      details: [{ where: 'supervisor' }],
    });
  });

  it('only the school’s admin and the Associate Teacher’s line manager record links; another trust gets not found', async () => {
    await expect(
      linkSupervisee(deps, world.actors.staff, world.atPersonId, { superviseeId: world.trusts.own.otherPersonId }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      linkSupervisee(deps, await world.actors.at(), world.atPersonId, { superviseeId: world.trusts.own.otherPersonId }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(supervisionPage(deps, world.actors.otherTrustAdmin, world.atPersonId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the supervisor sees their supervisee’s queue but decides nothing until the school allows it', async () => {
    const at = await world.actors.at();
    const queue = await supervisionQueue(deps, at);
    expect(queue.items.map((i) => i.id)).toEqual([world.superviseeEvidenceId]);
    expect(queue.items[0]).toMatchObject({ canDecide: false, personName: 'alpha staff' });
    expect(queue.decidesAny).toBe(false);
    await expect(supervisorDecisionPage(deps, at, world.trusts.own.reportId, world.superviseeEvidenceId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      decideAsSupervisor(deps, at, world.trusts.own.reportId, world.superviseeEvidenceId, accept(['HLTA.1', 'HLTA.2'])),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    // The line manager may not change the school's setting; its admin may.
    await expect(setSupervisionSetting(deps, world.actors.manager, world.atPersonId, { supervisorsDecide: 'yes' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await setSupervisionSetting(deps, world.actors.schoolAdmin, world.atPersonId, { supervisorsDecide: 'yes' });
    expect((await supervisionPage(deps, world.actors.schoolAdmin, world.atPersonId)).schoolAllowsDecisions).toBe(true);
  });

  it('where the school allows, the supervisor decides their supervisee’s evidence, recorded as by the supervisor; never their own or an unlinked colleague’s', async () => {
    const at = await world.actors.at();
    expect((await supervisionQueue(deps, at)).items[0]?.canDecide).toBe(true);
    const outcome = await decideAsSupervisor(deps, at, world.trusts.own.reportId, world.superviseeEvidenceId, accept(['HLTA.1', 'HLTA.2']));
    expect(outcome.saved).toBe(true);
    const recorded = await judgements(database.kysely).allOfPerson(world.trusts.own.trustId, world.trusts.own.reportId);
    expect(
      recorded
        .filter((j) => j.evidenceId === world.superviseeEvidenceId)
        .map((j) => [j.itemCode, j.judgedBy])
        .sort(),
    ).toEqual([
      ['HLTA.1', world.atUserId],
      ['HLTA.2', world.atUserId],
    ]);
    const event = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', 'evidence.decided')
      .where('entity_id', '=', world.superviseeEvidenceId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: world.atUserId, data: expect.objectContaining({ decidedAs: 'supervisor' }) });

    await expect(
      decideAsSupervisor(deps, at, world.trusts.own.otherPersonId, world.unlinkedEvidenceId, accept(['HLTA.1'])),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(decideAsSupervisor(deps, at, world.atPersonId, world.ownEvidenceId, accept(['AT.D13']))).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Another trust's person answers as an unknown one.
    await expect(supervisorDecisionPage(deps, at, world.trusts.other.reportId, world.superviseeEvidenceId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('an ended link takes the supervisee out of the queue', async () => {
    const [link] = (await supervisionPage(deps, world.actors.manager, world.atPersonId)).links;
    await endSupervision(deps, world.actors.manager, world.atPersonId, link?.id ?? '');
    await expect(supervisionQueue(deps, await world.actors.at())).rejects.toMatchObject({ code: 'forbidden' });
  });
});
