import type { Kysely } from 'kysely';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { AccountRole, Tables } from '../store/tables.ts';
import { startSession } from '../usecases/auth/sessions.ts';

/**
 * Two trusts for progression tests: in trust A a primary school with a line manager (Priya), her
 * report Amy (TA2, specialism a) and Sam (TA3, no manager); in trust B a secondary school with Bea (TA4).
 */
export const seedProgressionPeople = async (db: Kysely<Tables>, now: Date) => {
  const id = () => crypto.randomUUID();
  const ids = {
    trustA: id(),
    schoolA: id(),
    trustB: id(),
    schoolB: id(),
    priya: id(),
    amy: id(),
    sam: id(),
    bea: id(),
    priyaUser: id(),
    amyUser: id(),
    samUser: id(),
    beaUser: id(),
  };
  const orgs = organisations(db);
  for (const [trust, school, phase, nation] of [
    [ids.trustA, ids.schoolA, 'primary', 'England'],
    [ids.trustB, ids.schoolB, 'secondary', 'Wales'],
  ] as const) {
    await orgs.insert({
      id: trust,
      trust_id: trust,
      kind: 'trust',
      name: `Trust ${trust.slice(0, 4)}`,
      phase: null,
      nation,
      urn: null,
      parent_id: null,
      created_at: now,
    });
    await orgs.insert({
      id: school,
      trust_id: trust,
      kind: 'school',
      name: `School ${school.slice(0, 4)}`,
      phase,
      nation: null,
      urn: null,
      parent_id: trust,
      created_at: now,
    });
  }
  const person = async (
    pid: string,
    trust: string,
    school: string,
    given: string,
    role: string | null,
    manager: string | null,
    specialisms: string[] = [],
  ) =>
    people(db).insert({
      id: pid,
      trust_id: trust,
      organisation_id: school,
      given_name: given,
      family_name: 'Tester',
      work_email: `${given.toLowerCase()}@example.test`,
      staff_code: null,
      graded_role: role,
      job_title: role ? 'Teaching assistant' : 'Class teacher',
      line_manager_id: manager,
      left_on: null,
      start_date: null,
      specialisms,
    });
  await person(ids.priya, ids.trustA, ids.schoolA, 'Priya', null, null);
  await person(ids.amy, ids.trustA, ids.schoolA, 'Amy', 'TA2', ids.priya, ['a']);
  await person(ids.sam, ids.trustA, ids.schoolA, 'Sam', 'TA3', null);
  await person(ids.bea, ids.trustB, ids.schoolB, 'Bea', 'TA4', null);
  const account = async (uid: string, pid: string, trust: string, school: string, role: AccountRole, email: string) => {
    await db
      .insertInto('user_accounts')
      .values({
        id: uid,
        trust_id: trust,
        person_id: pid,
        email,
        password_hash: null,
        disabled_at: null,
        password_changed_at: null,
        mfa_secret_encrypted: null,
        mfa_enabled_at: null,
        mfa_last_step: null,
      })
      .execute();
    await db
      .insertInto('role_assignments')
      .values({ id: crypto.randomUUID(), trust_id: trust, user_id: uid, role, organisation_id: school })
      .execute();
  };
  await account(ids.priyaUser, ids.priya, ids.trustA, ids.schoolA, 'line_manager', 'priya@example.test');
  await account(ids.amyUser, ids.amy, ids.trustA, ids.schoolA, 'staff', 'amy@example.test');
  await account(ids.samUser, ids.sam, ids.trustA, ids.schoolA, 'staff', 'sam@example.test');
  await account(ids.beaUser, ids.bea, ids.trustB, ids.schoolB, 'staff', 'bea@example.test');
  /** A session cookie value for one of the seeded users. */
  const sessionFor = async (userId: string, trustId: string) =>
    (await startSession(db, { userId, trustId, mfaVerified: true, clientAddress: null, userAgent: null }, now)).token;
  return { ids, sessionFor };
};
