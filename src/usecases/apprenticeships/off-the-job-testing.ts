/**
 * Test builders for the off-the-job log, reviews and coverage: two trusts, a training provider with
 * its assessor, another provider's assessor, and an ST1414 SEND enrolment of the own trust's staff
 * member (who reports to the line manager), with a fixed off-the-job minimum entered.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/policy/actor.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import type { Tables } from '../../store/tables.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from './fixtures.ts';
import type { ApprenticeshipDeps } from './off-the-job-access.ts';

export type OffTheJobWorld = {
  trusts: { own: SeededTrust; other: SeededTrust };
  enrolmentId: string;
  apprentice: Actor;
  manager: Actor;
  schoolAdmin: Actor;
  assessor: Actor;
  otherAssessor: Actor;
  otherTrustAdmin: Actor;
};

export const seedOffTheJobWorld = async (db: Kysely<Tables>): Promise<OffTheJobWorld> => {
  const trusts = await seedTwoTrusts(db);
  const provider = await seedProvider(db, 'northfield');
  const other = await seedProvider(db, 'southbank');
  const enrolmentId = await seedEnrolment(db, {
    trustId: trusts.own.trustId,
    personId: trusts.own.reportId,
    employerId: trusts.own.schoolId,
    providerId: provider.providerId,
  });
  await db
    .updateTable('enrolments')
    .set({ fixed_minimum_hours: 400, fixed_minimum_source: 'entered for the test' })
    .where('id', '=', enrolmentId)
    .execute();
  // The other provider also has this apprentice, on another enrolment: that must not open this one.
  await seedEnrolment(db, {
    trustId: trusts.own.trustId,
    personId: trusts.own.reportId,
    employerId: trusts.own.schoolId,
    providerId: other.providerId,
  });
  return {
    trusts,
    enrolmentId,
    apprentice: await loadActor(db, trusts.own.users.staff.userId),
    manager: await loadActor(db, trusts.own.users.line_manager.userId),
    schoolAdmin: await loadActor(db, trusts.own.users.school_admin.userId),
    assessor: await loadActor(db, provider.assessor.userId),
    otherAssessor: await loadActor(db, other.assessor.userId),
    otherTrustAdmin: await loadActor(db, trusts.other.users.trust_admin.userId),
  };
};

let catalogue: Promise<ReturnType<typeof buildCatalogue>> | undefined;

/** Deps over a test database with the built-in catalogue and a fixed clock. */
export const apprenticeshipTestDeps = async (db: Kysely<Tables>, today: string): Promise<ApprenticeshipDeps> => {
  catalogue ??= readFrameworkFiles().then(buildCatalogue);
  return { db, auditKey: testKeys.auditKey, clock: () => new Date(`${today}T12:00:00Z`), catalogue: await catalogue };
};

/** A piece of the apprentice's evidence, decided with its claims accepted, as the portfolio would leave it. */
export const seedAcceptedEvidence = async (
  db: Kysely<Tables>,
  r: {
    trustId: string;
    personId: string;
    createdBy: string;
    decidedBy: string;
    occurredOn: string;
    itemCodes: string[];
    offTheJobMinutes?: number;
  },
): Promise<string> => {
  const id = crypto.randomUUID();
  const at = new Date(`${r.occurredOn}T10:00:00Z`);
  await db
    .insertInto('evidence_items')
    .values({
      id,
      trust_id: r.trustId,
      person_id: r.personId,
      kind: 'reflective-account',
      title: `Reflective account of ${r.occurredOn}`,
      occurred_on: r.occurredOn,
      body: 'What I did and learnt.',
      status: 'decided',
      created_by: r.createdBy,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      decided_at: at,
      removed_at: null,
      off_the_job_minutes: r.offTheJobMinutes ?? null,
    })
    .execute();
  for (const code of r.itemCodes)
    await db
      .insertInto('evidence_claims')
      .values({
        id: crypto.randomUUID(),
        trust_id: r.trustId,
        evidence_id: id,
        item_code: code,
        status: 'accepted',
        feedback: null,
        decided_by: r.decidedBy,
        decided_at: at,
      })
      .execute();
  return id;
};
