import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../../usecases/apprenticeships/fixtures.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../testing.ts';
import { enrolments } from './enrolments.ts';

describe.each(testDatabaseKinds())('enrolments on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  let north: Awaited<ReturnType<typeof seedProvider>>;
  let south: Awaited<ReturnType<typeof seedProvider>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    north = await seedProvider(database.kysely, 'north');
    south = await seedProvider(database.kysely, 'south');
  }, 60_000);
  afterAll(async () => database?.close());

  it('reads an enrolment back with its names, dates and numbers as written', async () => {
    const { own } = seeded;
    const id = await seedEnrolment(database.kysely, {
      trustId: own.trustId,
      personId: own.reportId,
      employerId: own.schoolId,
      providerId: north.providerId,
    });
    const e = await enrolments(database.kysely).get(id);
    expect(e).toMatchObject({
      programme: 'ST1414',
      optionCode: 'SEND',
      startDate: '2025-09-01',
      plannedEndDate: '2027-08-31',
      contractedHoursPerWeek: 32.5,
      employerName: 'alpha School',
      providerName: 'north Training',
      status: 'on_programme',
      priorLearningItems: [],
      fixedMinimum: null,
    });
    expect((await enrolments(database.kysely).history(own.trustId, id)).map((h) => h.status)).toEqual(['on_programme']);
  });

  it("fills an assessor's apprentices from their provider's enrolments across trusts, and nobody else's", async () => {
    const { own, other } = seeded;
    await seedEnrolment(database.kysely, {
      trustId: other.trustId,
      personId: other.reportId,
      employerId: other.schoolId,
      providerId: north.providerId,
    });
    await seedEnrolment(database.kysely, {
      trustId: other.trustId,
      personId: other.otherPersonId,
      employerId: other.schoolId,
      providerId: south.providerId,
    });
    const northActor = await loadActor(database.kysely, north.assessor.userId);
    expect([...northActor.apprenticeIds].sort()).toEqual([own.reportId, other.reportId].sort());
    const southActor = await loadActor(database.kysely, south.assessor.userId);
    expect(southActor.apprenticeIds).toEqual([other.otherPersonId]);
    // A line manager is no assessor: enrolments do not widen their reach.
    expect((await loadActor(database.kysely, own.users.line_manager.userId)).apprenticeIds).toEqual([]);
  });

  it('refuses a planned end before the start (the database holds the rule too)', async () => {
    const { own } = seeded;
    await expect(
      enrolments(database.kysely).insert({
        id: crypto.randomUUID(),
        trustId: own.trustId,
        personId: own.otherPersonId,
        employerId: own.schoolId,
        providerId: north.providerId,
        programme: 'ST1414',
        optionCode: 'SEND',
        startDate: '2026-09-01',
        plannedEndDate: '2026-08-01',
        contractedHoursPerWeek: 30,
        ageAtStart: 30,
        priorLearningHours: 0,
        priorLearningItems: [],
        fixedMinimum: null,
        createdBy: null,
        at: new Date(),
      }),
    ).rejects.toThrow();
  });
});
