import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { coveragePercentOf, readCoverage } from './coverage.ts';
import type { ApprenticeshipDeps } from './off-the-job-access.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedAcceptedEvidence, seedOffTheJobWorld } from './off-the-job-testing.ts';

describe.each(testDatabaseKinds())('KSB coverage of an enrolment on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: OffTheJobWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = await apprenticeshipTestDeps(database.kysely, '2025-11-20');
    world = await seedOffTheJobWorld(database.kysely);
    const own = world.trusts.own;
    await seedAcceptedEvidence(database.kysely, {
      trustId: own.trustId,
      personId: own.reportId,
      createdBy: world.apprentice.userId,
      decidedBy: world.assessor.userId,
      occurredOn: '2025-10-01',
      itemCodes: ['ST1414.K30', 'ST1414.K36'],
    });
    await database.kysely
      .insertInto('judgements')
      .values({
        id: crypto.randomUUID(),
        trust_id: own.trustId,
        person_id: own.reportId,
        item_code: 'ST1414.K30',
        value: 'met',
        source: 'observation',
        evidence_id: null,
        note: 'Observed in class',
        judged_by: world.assessor.userId,
        judged_at: new Date('2025-10-02T10:00:00Z'),
      })
      .execute();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows the core KSBs and the SEND option’s only, with evidence counts and judgements; another option’s evidence is out of scope', async () => {
    const page = await readCoverage(deps, world.apprentice, world.enrolmentId);
    const codes = page.coverage?.items.map((i) => i.shortCode) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['K1', 'K30', 'K35', 'S27', 'S29', 'B6']));
    expect(codes.filter((c) => ['K36', 'K42', 'S30', 'S33'].includes(c))).toEqual([]);
    expect(page.coverage?.items.find((i) => i.shortCode === 'K30')).toMatchObject({ evidenceCount: 1, judgement: 'met', heat: 'met' });
    expect(page.coverage?.outOfScope).toEqual(['ST1414.K36']);
    expect(page.coverage?.counts).toMatchObject({ total: 70, met: 1 });
    expect((await coveragePercentOf(deps, [page.enrolment])).get(world.enrolmentId)).toBe(1);
  });

  it('counts the KSBs recognised as prior learning towards the coverage, shown as recognised, not as judged met', async () => {
    await database.kysely
      .updateTable('enrolments')
      .set({ prior_learning_items: JSON.stringify(['ST1414.K30', 'ST1414.K31', 'ST1414.K32', 'ST1414.S27']) })
      .where('id', '=', world.enrolmentId)
      .execute();
    try {
      const page = await readCoverage(deps, world.manager, world.enrolmentId);
      const cell = (code: string) => page.coverage?.items.find((i) => i.shortCode === code);
      // K30 is judged met as well: it stays met.
      expect(cell('K30')).toMatchObject({ judgement: 'met', recognised: false, heat: 'met' });
      expect(cell('K31')).toMatchObject({ judgement: 'not-started', recognised: true, heat: 'recognised' });
      expect(cell('S27')).toMatchObject({ recognised: true, heat: 'recognised' });
      expect(page.coverage?.counts).toMatchObject({ total: 70, met: 1, recognised: 3, covered: 4 });
      expect(page.coverage?.percentCovered).toBe(6);
      expect((await coveragePercentOf(deps, [page.enrolment])).get(world.enrolmentId)).toBe(6);
    } finally {
      await database.kysely.updateTable('enrolments').set({ prior_learning_items: '[]' }).where('id', '=', world.enrolmentId).execute();
    }
  });

  it('offers no duty filter where the standard maps no duty to a KSB (ST1414), and a duty asked for anyway filters nothing', async () => {
    const page = await readCoverage(deps, world.assessor, world.enrolmentId, { duty: 'ST1414.D1' });
    expect(page.coverage?.duties).toBeNull();
    expect(page.duty).toBeNull();
    expect(page.shown).toHaveLength(70);
  });

  it('answers another provider’s assessor as for an enrolment that does not exist', async () => {
    await expect(readCoverage(deps, world.otherAssessor, world.enrolmentId)).rejects.toMatchObject({ code: 'not_found' });
    const enrolment = await enrolments(database.kysely).get(world.enrolmentId);
    expect(enrolment?.optionCode).toBe('SEND');
  });
});
