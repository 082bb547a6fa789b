/**
 * A small workforce for the dashboard's tests, on top of a seeded trust (src/testing/two-trusts.ts),
 * small enough to count by hand. The seeded school ("alpha School", primary) holds the six role
 * accounts' people (only the staff member has a graded role, TA3) and Other Person (TA4); a leaver
 * is not counted. Beech Academy (secondary) is added with Ann (TA2) and Ben (TA3):
 *
 * | person       | school | role | hours | HLTA | highest qual.      | L2 Eng+maths | enrolment    | evidence waiting   | training K1 (everyone, 12 months) |
 * | Other Person | alpha  | TA4  | –     | yes  | Level 3 (QCF cert) | yes (GCSE 4) | –            | 2 (30 and 2 days)  | expires in 75 days                |
 * | Ann Ash      | Beech  | TA2  | 37    | no   | Level 6 (degree)   | English only | –            | 1 (10 days)        | expires in 20 days                |
 * | Ben Birch    | Beech  | TA3  | 18.5  | no   | – (one removed)    | no           | on programme | – (a draft only)   | none: missing                     |
 * | 6 others     | alpha  | 5 –, 1 TA3 | – | no | –                 | no           | –            | –                  | none: missing                     |
 *
 * Trust: 9 staff; FTE (37 + 18.5) / 37 = 1.5 from the 2 with hours; 1 HLTA; qualifications Level 3: 1,
 * Level 6: 1, none: 7; 1 with Level 2 English and maths; 1 on programme; 3 items waiting from 2
 * people, oldest 30 days (7–27 days: 1, 28+: 1); K1 required of 9, in date 2 (Ann expiring, Other
 * expiring within 90), out of date 7, expiring within 30: 1, 60: 1, 90: 2. The as-needed kind K2 has
 * no records, so it is required of no one.
 *
 * Progression, decided by the interpreters (role fit, the training-needs needs, gateway readiness):
 *
 * | person       | latest duty profile (graded role)      | role fit | next level: needs met             | band     | enrolment                          |
 * | Ann Ash      | TA2, TA3 and TA4 duties regularly (TA2) | above    | TA3: 0 of 2 (no L3, no specialism) | under 25 | –                                  |
 * | Ben Birch    | TA3 duties regularly (an older one: TA4 duties) | at | TA4: 0 of 34                    | under 25 | ST1414 SEND: ready for the gateway |
 * | alpha staff  | every TA3 duty never (TA3)              | below    | TA4: 25 HLTA met + specialism a = 26 of 34 | 75 to 99 | ST1414 SEND: not ready (nothing met, no hours) |
 * | Other Person | –                                       | none     | TA5: 33 HLTA met + specialism b = 34 of 34 | ready  | –                                  |
 * | 5 others     | –                                       | none     | no graded role: not measured       | –        | –                                  |
 *
 * Role fit: above 1, at 1, below 1, no profile 6. Pipeline: 4 measured; under 25%: 2, 75–99%: 1,
 * ready: 1, not measured 5. Apprenticeships: 2 on programme, 1 ready for Gateway to Completion. The
 * staff member's HLTA.1 was met and then judged developing: only the latest judgement counts.
 */
import type { Kysely } from 'kysely';
import { roleProfiles } from '../../domain/role-fit.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import type { DutyProfilesTable } from '../../store/duty-profiles.ts';
import { organisations } from '../../store/organisations.ts';
import { people } from '../../store/people.ts';
import type { Tables } from '../../store/tables.ts';
import type { SeededTrust } from '../../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../apprenticeships/fixtures.ts';

export const fixtureNow = new Date('2026-12-04T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(fixtureNow.getTime() - n * DAY);
const dayFromToday = (n: number) => new Date(fixtureNow.getTime() + n * DAY).toISOString().slice(0, 10);

export type DashboardFixture = { beechId: string; annId: string; benId: string; benEnrolmentId: string; staffEnrolmentId: string };

export const seedDashboardFixture = async (db: Kysely<Tables>, trust: SeededTrust): Promise<DashboardFixture> => {
  const id = () => crypto.randomUUID();
  const beechId = id();
  await organisations(db).insert({
    id: beechId,
    trust_id: trust.trustId,
    kind: 'school',
    name: 'Beech Academy',
    phase: 'secondary',
    nation: 'England',
    urn: null,
    parent_id: trust.trustId,
  });
  const person = async (given: string, family: string, role: string, hours: number) => {
    const personId = id();
    await people(db).insert({
      id: personId,
      trust_id: trust.trustId,
      organisation_id: beechId,
      given_name: given,
      family_name: family,
      work_email: null,
      staff_code: null,
      graded_role: role,
      job_title: 'Teaching assistant',
      line_manager_id: null,
      left_on: null,
      hours_per_week: hours,
    });
    return personId;
  };
  const annId = await person('Ann', 'Ash', 'TA2', 37);
  const benId = await person('Ben', 'Birch', 'TA3', 18.5);
  const recorder = trust.users.school_admin.userId;
  const achievement = async (personId: string, kind: Tables['achievements']['kind'] & string, details: object, removed = false) =>
    db
      .insertInto('achievements')
      .values({
        id: id(),
        trust_id: trust.trustId,
        person_id: personId,
        kind,
        details: JSON.stringify(details),
        achieved_on: '2020-07-01',
        status_kind: kind === 'status' ? 'school-recognition' : null,
        recorded_by: recorder,
        recorded_at: fixtureNow,
        removed_at: removed ? fixtureNow : null,
        removed_by: removed ? recorder : null,
      })
      .execute();
  const other = trust.otherPersonId;
  await achievement(other, 'status', { kind: 'status', status: 'HLTA_STATUS', awardedOn: '2024-07-01', statusKind: 'school-recognition' });
  await achievement(other, 'qualification', { kind: 'qualification', qualificationId: 'QCF.L3-CERT-STL', achievedOn: '2020-07-01' });
  await achievement(other, 'subject', { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: '4' });
  await achievement(other, 'subject', { kind: 'subject', subject: 'maths', scheme: 'gcse-9-1', grade: '5' });
  await achievement(annId, 'degree', { kind: 'degree', degree: 'honours-degree', level: 6, credits: 360, achievedOn: '2019-07-01' });
  await achievement(annId, 'subject', { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: '6' });
  await achievement(annId, 'subject', { kind: 'subject', subject: 'maths', scheme: 'gcse-9-1', grade: '3' });
  await achievement(benId, 'qualification', { kind: 'qualification', qualificationId: 'QCF.L3-CERT-STL', achievedOn: '2020-07-01' }, true);

  const provider = await seedProvider(db, `dashboard-${trust.trustId.slice(0, 8)}`);
  const benEnrolmentId = await seedEnrolment(db, {
    trustId: trust.trustId,
    personId: benId,
    employerId: beechId,
    providerId: provider.providerId,
    ageAtStart: 25,
  });
  const staffEnrolmentId = await seedEnrolment(db, {
    trustId: trust.trustId,
    personId: trust.reportId,
    employerId: trust.schoolId,
    providerId: provider.providerId,
  });
  await readyForGateway(db, trust, { personId: benId, enrolmentId: benEnrolmentId, assessorUserId: provider.assessor.userId });
  await achievement(benId, 'subject', { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: '4' });
  await progression(db, trust, { annId, benId });

  const evidence = async (personId: string, status: 'draft' | 'submitted', submitted: Date | null) =>
    db
      .insertInto('evidence_items')
      .values({
        id: id(),
        trust_id: trust.trustId,
        person_id: personId,
        kind: 'reflective-account',
        title: 'Supporting a small group',
        occurred_on: '2026-10-01',
        body: 'What I did and what I learnt.',
        status,
        created_by: recorder,
        created_at: daysAgo(40),
        updated_at: daysAgo(1),
        submitted_at: submitted,
        decided_at: null,
        removed_at: null,
      })
      .execute();
  await evidence(other, 'submitted', daysAgo(30));
  await evidence(other, 'submitted', daysAgo(2));
  await evidence(annId, 'submitted', daysAgo(10));
  await evidence(benId, 'draft', null);

  const k1 = id();
  await db
    .insertInto('training_kinds')
    .values([
      { id: k1, trust_id: trust.trustId, code: 'K1', title: 'Safeguarding', validity_months: 12, applies_to: 'everyone', position: 1 },
      {
        id: id(),
        trust_id: trust.trustId,
        code: 'K2',
        title: 'Manual handling',
        validity_months: 36,
        applies_to: 'as-needed',
        position: 2,
      },
    ])
    .execute();
  const record = (personId: string, expiresInDays: number) =>
    db
      .insertInto('training_records')
      .values({
        id: id(),
        trust_id: trust.trustId,
        person_id: personId,
        kind_id: k1,
        completed_on: dayFromToday(expiresInDays - 365),
        expires_on: dayFromToday(expiresInDays),
        provider: null,
        recorded_by: recorder,
        recorded_at: fixtureNow,
      })
      .execute();
  await record(other, 75);
  await record(annId, 20);
  return { beechId, annId, benId, benEnrolmentId, staffEnrolmentId };
};

const judge = (
  db: Kysely<Tables>,
  trust: SeededTrust,
  personId: string,
  codes: readonly string[],
  value: 'met' | 'developing',
  at: Date,
) =>
  codes.length === 0
    ? Promise.resolve()
    : db
        .insertInto('judgements')
        .values(
          codes.map((code) => ({
            id: crypto.randomUUID(),
            trust_id: trust.trustId,
            person_id: personId,
            item_code: code,
            value,
            source: 'observation' as const,
            evidence_id: null,
            note: null,
            judged_by: trust.users.line_manager.userId,
            judged_at: at,
          })),
        )
        .execute();

/**
 * Ben's enrolment as ready for Gateway to Completion as the readiness checks it: every KSB of ST1414's
 * core and SEND option met, English at Level 2 (no maths asked at 25), more than the minimum time,
 * 420 approved off-the-job hours against a fixed minimum of 400, and both parties' confirmations.
 */
const readyForGateway = async (
  db: Kysely<Tables>,
  trust: SeededTrust,
  r: { personId: string; enrolmentId: string; assessorUserId: string },
) => {
  const catalogue = buildCatalogue(await readFrameworkFiles());
  const ksbs = catalogue
    .items({ framework: 'st1414' })
    .filter((i) => ['knowledge', 'skill', 'behaviour'].includes(i.kind) && (!i.options || i.options.includes('SEND')))
    .map((i) => i.code);
  await judge(db, trust, r.personId, ksbs, 'met', daysAgo(60));
  await db
    .updateTable('enrolments')
    .set({
      fixed_minimum_hours: 400,
      fixed_minimum_source: 'entered by the provider from the funding rules 2025 to 2026',
      employer_confirmed_by: trust.users.school_admin.userId,
      employer_confirmed_at: daysAgo(3),
      provider_confirmed_by: r.assessorUserId,
      provider_confirmed_at: daysAgo(2),
    })
    .where('id', '=', r.enrolmentId)
    .execute();
  await db
    .insertInto('off_the_job_entries')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        id: crypto.randomUUID(),
        trust_id: trust.trustId,
        enrolment_id: r.enrolmentId,
        occurred_on: dayFromToday(-400 + i * 6),
        minutes: 420,
        activity: 'training',
        description: 'Off-the-job training with the provider',
        status: 'approved' as const,
        feedback: null,
        decided_by: r.assessorUserId,
        decided_at: daysAgo(5),
        created_by: trust.users.staff.userId,
        created_at: daysAgo(6),
        updated_at: daysAgo(5),
      })),
    )
    .execute();
};

/** Duty profiles, specialisms and HLTA judgements for the role-fit and pipeline figures (see the table above). */
const progression = async (db: Kysely<Tables>, trust: SeededTrust, r: { annId: string; benId: string }) => {
  const catalogue = buildCatalogue(await readFrameworkFiles());
  const dutiesOf = (...roles: string[]) =>
    roleProfiles(catalogue)
      .filter((p) => roles.includes(p.role.id))
      .flatMap((p) => p.duties.map((d) => d.code));
  const answers = (codes: readonly string[], answer: 'regularly' | 'never') => Object.fromEntries(codes.map((c) => [c, answer]));
  const profile = (personId: string, currentRole: string, duties: Record<string, 'regularly' | 'never'>, recordedAt: Date) =>
    db
      .withTables<{ duty_profiles: DutyProfilesTable }>()
      .insertInto('duty_profiles')
      .values({
        id: crypto.randomUUID(),
        trust_id: trust.trustId,
        person_id: personId,
        current_role: currentRole,
        answers: JSON.stringify(duties),
        status: 'self-assessed',
        recorded_by: trust.users.school_admin.userId,
        confirmed_by: null,
        recorded_at: recordedAt,
        confirmed_at: null,
      })
      .execute();
  await profile(r.annId, 'TA2', answers(dutiesOf('TA2', 'TA3', 'TA4'), 'regularly'), daysAgo(20));
  await profile(r.benId, 'TA3', answers(dutiesOf('TA3', 'TA4'), 'regularly'), daysAgo(200));
  await profile(r.benId, 'TA3', answers(dutiesOf('TA3'), 'regularly'), daysAgo(15));
  await profile(trust.reportId, 'TA3', answers(dutiesOf('TA3'), 'never'), daysAgo(10));
  const hlta = Array.from({ length: 33 }, (_, i) => `HLTA.${i + 1}`);
  await judge(db, trust, trust.otherPersonId, hlta, 'met', daysAgo(30));
  await db
    .updateTable('people')
    .set({ specialisms: ['b'] })
    .where('id', '=', trust.otherPersonId)
    .execute();
  await judge(db, trust, trust.reportId, hlta.slice(0, 25), 'met', daysAgo(30));
  await judge(db, trust, trust.reportId, ['HLTA.1'], 'developing', daysAgo(5));
  await judge(db, trust, trust.reportId, ['HLTA.26'], 'met', daysAgo(4));
};
