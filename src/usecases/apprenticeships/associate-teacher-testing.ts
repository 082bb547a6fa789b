/**
 * Test builders for the Associate Teacher programme: the own trust of two, an Associate Teacher at
 * its school (a staff account, line-managed by the trust's line manager) enrolled on the programme
 * with a training provider, and a submitted piece of evidence of the TA3 staff member (the
 * supervisee-to-be) and of the TA4 colleague nobody links.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/policy/actor.ts';
import { accounts } from '../../store/accounts.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { people } from '../../store/people.ts';
import type { Tables } from '../../store/tables.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedProvider } from './fixtures.ts';

export type AssociateTeacherWorld = {
  trusts: { own: SeededTrust; other: SeededTrust };
  atPersonId: string;
  atUserId: string;
  enrolmentId: string;
  /** An ST1414 enrolment of the staff member, not on the programme. */
  otherEnrolmentId: string;
  superviseeEvidenceId: string;
  unlinkedEvidenceId: string;
  /** The Associate Teacher's own submitted evidence. */
  ownEvidenceId: string;
  actors: {
    at: () => Promise<Actor>;
    manager: Actor;
    schoolAdmin: Actor;
    staff: Actor;
    assessor: Actor;
    otherAssessor: Actor;
    otherTrustAdmin: Actor;
  };
};

const seedSubmittedEvidence = async (db: Kysely<Tables>, trustId: string, personId: string, createdBy: string, itemCodes: string[]) => {
  const id = crypto.randomUUID();
  const at = new Date('2026-11-02T10:00:00Z');
  await db
    .insertInto('evidence_items')
    .values({
      id,
      trust_id: trustId,
      person_id: personId,
      kind: 'reflective-account',
      title: 'Leading a phonics group',
      occurred_on: '2026-10-30',
      body: 'I planned and led the group.',
      status: 'submitted',
      created_by: createdBy,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      decided_at: null,
      removed_at: null,
      off_the_job_minutes: null,
    })
    .execute();
  for (const code of itemCodes)
    await db
      .insertInto('evidence_claims')
      .values({
        id: crypto.randomUUID(),
        trust_id: trustId,
        evidence_id: id,
        item_code: code,
        status: 'claimed',
        feedback: null,
        decided_by: null,
        decided_at: null,
      })
      .execute();
  return id;
};

export const seedAssociateTeacherWorld = async (db: Kysely<Tables>): Promise<AssociateTeacherWorld> => {
  const trusts = await seedTwoTrusts(db);
  const own = trusts.own;
  const provider = await seedProvider(db, 'northfield');
  const other = await seedProvider(db, 'southbank');
  const atPersonId = crypto.randomUUID();
  await people(db).insert({
    id: atPersonId,
    trust_id: own.trustId,
    organisation_id: own.schoolId,
    given_name: 'Aisha',
    family_name: 'Khan',
    work_email: 'aisha.khan@alpha.example',
    staff_code: 'ALPHA-AISHA-KHAN',
    graded_role: 'ASSOCIATE_TEACHER_L5',
    job_title: 'Associate Teacher',
    line_manager_id: own.users.line_manager.personId,
    left_on: null,
  });
  const atUserId = crypto.randomUUID();
  await accounts(db).insert({
    id: atUserId,
    trust_id: own.trustId,
    person_id: atPersonId,
    email: 'aisha.khan@alpha.example',
    password_hash: null,
  });
  await accounts(db).assignRole({
    id: crypto.randomUUID(),
    trust_id: own.trustId,
    user_id: atUserId,
    role: 'staff',
    organisation_id: own.schoolId,
  });
  const enrol = async (personId: string, programme: string, optionCode: string | null, providerId: string) => {
    const id = crypto.randomUUID();
    await enrolments(db).insert({
      id,
      trustId: own.trustId,
      personId,
      employerId: own.schoolId,
      providerId,
      programme,
      optionCode,
      startDate: '2025-09-01',
      plannedEndDate: '2027-08-31',
      contractedHoursPerWeek: 32.5,
      ageAtStart: 27,
      priorLearningHours: 0,
      priorLearningItems: [],
      fixedMinimum: null,
      createdBy: null,
      at: new Date('2025-09-01T09:00:00Z'),
    });
    return id;
  };
  const enrolmentId = await enrol(atPersonId, 'AT.APPRENTICESHIP', null, provider.providerId);
  const otherEnrolmentId = await enrol(own.reportId, 'ST1414', 'SEND', provider.providerId);
  return {
    trusts,
    atPersonId,
    atUserId,
    enrolmentId,
    otherEnrolmentId,
    superviseeEvidenceId: await seedSubmittedEvidence(db, own.trustId, own.reportId, own.users.staff.userId, ['HLTA.1', 'HLTA.2']),
    unlinkedEvidenceId: await seedSubmittedEvidence(db, own.trustId, own.otherPersonId, own.users.staff.userId, ['HLTA.1']),
    ownEvidenceId: await seedSubmittedEvidence(db, own.trustId, atPersonId, atUserId, ['AT.D13']),
    actors: {
      at: () => loadActor(db, atUserId),
      manager: await loadActor(db, own.users.line_manager.userId),
      schoolAdmin: await loadActor(db, own.users.school_admin.userId),
      staff: await loadActor(db, own.users.staff.userId),
      assessor: await loadActor(db, provider.assessor.userId),
      otherAssessor: await loadActor(db, other.assessor.userId),
      otherTrustAdmin: await loadActor(db, trusts.other.users.trust_admin.userId),
    },
  };
};
