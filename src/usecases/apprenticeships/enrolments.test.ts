import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { createCatalogueSource } from '../catalogue-source.ts';
import type { CatalogueSource } from '../context.ts';
import { importIfateStandard } from '../import-framework.ts';
import type { ApprenticeshipDeps } from './deps.ts';
import { recordStatusChange } from './enrolment-status.ts';
import { editEnrolment, enrol, loadEnrolment } from './enrolments.ts';
import { type SeededProvider, seedProvider } from './fixtures.ts';
import { enrolmentGateway } from './gateway.ts';

const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
};

describe.each(testDatabaseKinds())('enrolments on %s', (kind) => {
  let database: TestDatabase;
  let catalogue: CatalogueSource;
  let own: SeededTrust;
  let other: SeededTrust;
  let north: SeededProvider;
  let south: SeededProvider;
  const today = '2026-12-04';
  const deps = (): ApprenticeshipDeps => ({
    db: database.kysely,
    auditKey: testKeys.auditKey,
    clock: () => new Date(`${today}T10:00:00Z`),
    catalogue: catalogue.current(),
  });
  const actorOf = (userId: string): Promise<Actor> => loadActor(database.kysely, userId);
  const send = (personId: string, over: Record<string, unknown> = {}) => ({
    personId,
    providerId: north.providerId,
    programme: 'ST1414',
    optionCode: 'SEND',
    startDate: '2025-09-01',
    contractedHoursPerWeek: 32.5,
    ageAtStart: 24,
    ...over,
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    catalogue = await createCatalogueSource({ database });
    ({ own, other } = await seedTwoTrusts(database.kysely));
    north = await seedProvider(database.kysely, 'north');
    south = await seedProvider(database.kysely, 'south');
  }, 60_000);
  afterAll(async () => database?.close());

  it('enrols on ST1414 SEND with the planned end from the typical duration (24 months), audited, with the first status row', async () => {
    const admin = await actorOf(own.users.school_admin.userId);
    const { id } = await enrol(deps(), admin, send(own.reportId));
    const e = await loadEnrolment(deps(), admin, id, 'enrolment.read');
    expect(e).toMatchObject({
      programme: 'ST1414',
      optionCode: 'SEND',
      startDate: '2025-09-01',
      plannedEndDate: '2027-08-31',
      status: 'on_programme',
    });
    expect((await enrolments(database.kysely).history(own.trustId, id)).map((h) => [h.status, h.effectiveFrom])).toEqual([
      ['on_programme', '2025-09-01'],
    ]);
    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'enrolment.created')
      .execute();
    expect(events).toContainEqual({ action: 'enrolment.created', entity_id: own.reportId });
  });

  it('refuses an option where the standard has options unless it is one of them, and nothing is stored', async () => {
    const admin = await actorOf(own.users.school_admin.userId);
    const before = await enrolments(database.kysely).listForPerson(own.trustId, own.otherPersonId);
    const missing = await failure(enrol(deps(), admin, send(own.otherPersonId, { optionCode: null })));
    expect(missing).toMatchObject({ code: 'validation' });
    expect(missing.details).toContainEqual({
      where: 'optionCode',
      reason: 'L5: Specialist teaching assistant has options (SEND, SEW, SCP): choose one',
    });
    const wrong = await failure(enrol(deps(), admin, send(own.otherPersonId, { optionCode: 'XYZ' })));
    expect(wrong.details[0]?.reason).toMatch(/no option XYZ \(its options: SEND, SEW, SCP\)/);
    const unknown = await failure(enrol(deps(), admin, send(own.otherPersonId, { programme: 'ST9999' })));
    expect(unknown.details[0]).toMatchObject({ where: 'programme' });
    expect(await enrolments(database.kysely).listForPerson(own.trustId, own.otherPersonId)).toEqual(before);
  });

  it('enrols on the legacy FR04171 Advanced pathway: no options, and the planned end must be entered (the data gives no duration)', async () => {
    const admin = await actorOf(own.users.trust_admin.userId);
    const input = send(own.otherPersonId, { programme: 'FR04171.ADVANCED', optionCode: null, startDate: '2020-07-06', ageAtStart: 19 });
    const noEnd = await failure(enrol(deps(), admin, input));
    expect(noEnd.details).toContainEqual({
      where: 'plannedEndDate',
      reason:
        'Advanced Level Apprenticeship in Supporting Teaching and Learning in Schools has no typical duration in the data: enter the planned end date',
    });
    const withOption = await failure(enrol(deps(), admin, { ...input, optionCode: 'SEND', plannedEndDate: '2022-01-31' }));
    expect(withOption.details[0]?.reason).toMatch(/has no options/);
    const { id } = await enrol(deps(), admin, { ...input, plannedEndDate: '2022-01-31' });
    const { readiness } = await enrolmentGateway(deps(), admin, id);
    expect(readiness).toMatchObject({ applies: false });
  });

  it('edits an enrolment (dates and hours) and records a break in learning and the return, which closes the break', async () => {
    const admin = await actorOf(own.users.school_admin.userId);
    const [e] = await enrolments(database.kysely).listForPerson(own.trustId, own.reportId);
    if (!e) throw new Error('no enrolment');
    const { personId: _, ...fields } = send(own.reportId);
    await editEnrolment(deps(), admin, e.id, { ...fields, plannedEndDate: '2027-10-31', contractedHoursPerWeek: 25 });
    expect(await loadEnrolment(deps(), admin, e.id, 'enrolment.read')).toMatchObject({
      plannedEndDate: '2027-10-31',
      contractedHoursPerWeek: 25,
    });
    const assessor = await actorOf(north.assessor.userId);
    await recordStatusChange(deps(), assessor, e.id, {
      status: 'break_in_learning',
      effectiveFrom: '2026-03-02',
      reason: 'Maternity leave',
    });
    expect((await loadEnrolment(deps(), admin, e.id, 'enrolment.read')).status).toBe('break_in_learning');
    // A completion cannot follow a break.
    const wrong = await failure(
      recordStatusChange(deps(), assessor, e.id, { status: 'completed', effectiveFrom: '2026-04-01', grade: 'Pass' }),
    );
    expect(wrong.details[0]).toMatchObject({ where: 'status' });
    await recordStatusChange(deps(), assessor, e.id, { status: 'on_programme', effectiveFrom: '2026-09-07' });
    const history = await enrolments(database.kysely).history(own.trustId, e.id);
    expect(history.map((h) => [h.status, h.effectiveFrom, h.effectiveTo])).toEqual([
      ['on_programme', '2025-09-01', null],
      ['break_in_learning', '2026-03-02', '2026-09-06'],
      ['on_programme', '2026-09-07', null],
    ]);
    // A change dated before the latest one is refused, and leaves the history as it was.
    const back = await failure(
      recordStatusChange(deps(), assessor, e.id, { status: 'withdrawn', effectiveFrom: '2026-05-01', reason: 'Left' }),
    );
    expect(back.details[0]?.reason).toMatch(/on or after the latest change/);
    expect(await enrolments(database.kysely).countStatusChanges(e.id)).toBe(3);
  });

  it('lets the provider’s assessor see their apprentices across trusts, and nobody else’s (by id too: 404)', async () => {
    const otherAdmin = await actorOf(other.users.school_admin.userId);
    const { id: southId } = await enrol(deps(), otherAdmin, send(other.reportId, { providerId: south.providerId }));
    const { id: northId } = await enrol(deps(), otherAdmin, send(other.otherPersonId));
    const northAssessor = await actorOf(north.assessor.userId);
    const southAssessor = await actorOf(south.assessor.userId);
    expect((await loadEnrolment(deps(), northAssessor, northId, 'enrolment.read')).personId).toBe(other.otherPersonId);
    const refused = await failure(loadEnrolment(deps(), northAssessor, southId, 'enrolment.read'));
    expect(refused).toMatchObject({ code: 'not_found', message: 'There is no such enrolment' });
    expect(await failure(loadEnrolment(deps(), southAssessor, northId, 'enrolment.read'))).toMatchObject({ code: 'not_found' });
    // Another trust's admin cannot confirm the id exists either.
    expect(await failure(loadEnrolment(deps(), await actorOf(own.users.trust_admin.userId), southId, 'enrolment.read'))).toMatchObject({
      code: 'not_found',
    });
    // The apprentice reads their own; their line manager reads theirs; a colleague is refused.
    expect((await loadEnrolment(deps(), await actorOf(other.users.staff.userId), southId, 'enrolment.read')).id).toBe(southId);
    expect((await loadEnrolment(deps(), await actorOf(other.users.line_manager.userId), southId, 'enrolment.read')).id).toBe(southId);
    expect(await failure(loadEnrolment(deps(), await actorOf(other.users.staff.userId), northId, 'enrolment.read'))).toMatchObject({
      code: 'forbidden',
    });
    // The assessor may not enrol at the employer.
    expect(await failure(enrol(deps(), northAssessor, send(other.leaverId)))).toMatchObject({ code: 'not_found' });
  });

  it('enrols on an imported Skills England standard (ST0454) with no code change, and its gateway lists its KSBs', async () => {
    const text = await readFile(new URL('../../framework/fixtures/skillsengland-api-st0454-v1.1.json', import.meta.url), 'utf8');
    await importIfateStandard({ database, catalogue, auditKey: testKeys.auditKey }, { text, fileName: 'st0454.json', actor: 'test' });
    const admin = await actorOf(own.users.school_admin.userId);
    const { id } = await enrol(
      deps(),
      admin,
      send(own.users.line_manager.personId, { programme: 'ST0454', optionCode: null, ageAtStart: 30 }),
    );
    const e = await loadEnrolment(deps(), admin, id, 'enrolment.read');
    // Typical duration 18 months in the Skills England record.
    expect(e.plannedEndDate).toBe('2027-02-28');
    const { readiness } = await enrolmentGateway(deps(), admin, id);
    if (!readiness.applies) throw new Error('the gateway should apply');
    expect(readiness.ready).toBe(false);
    const ksbs = readiness.items.find((i) => i.id.endsWith('-ksbs'));
    expect(ksbs?.met).toBe(false);
    expect(ksbs?.nextActions).toEqual([
      'gather evidence for the KSBs not yet met and ask your assessor to review it',
      // Nothing is judged yet: the first five named, and how many more.
      expect.stringMatching(/^have judged met: ST0454\.K1 — .*; ST0454\.K5 — .* and 22 more$/),
    ]);
  });
});
