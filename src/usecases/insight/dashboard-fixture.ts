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
 */
import type { Kysely } from 'kysely';
import { organisations } from '../../store/organisations.ts';
import { people } from '../../store/people.ts';
import type { Tables } from '../../store/tables.ts';
import type { SeededTrust } from '../../testing/two-trusts.ts';
import { seedEnrolment, seedProvider } from '../apprenticeships/fixtures.ts';

export const fixtureNow = new Date('2026-12-04T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(fixtureNow.getTime() - n * DAY);
const dayFromToday = (n: number) => new Date(fixtureNow.getTime() + n * DAY).toISOString().slice(0, 10);

export type DashboardFixture = { beechId: string; annId: string; benId: string };

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
  await seedEnrolment(db, { trustId: trust.trustId, personId: benId, employerId: beechId, providerId: provider.providerId });

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
  return { beechId, annId, benId };
};
