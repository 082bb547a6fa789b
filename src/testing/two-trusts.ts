/**
 * Test builders: two trusts, each with a school, staff, and one signed-in account per role, so tests
 * can ask the same question inside and outside the actor's own organisation.
 */
import type { Kysely } from 'kysely';
import type { Actor, RoleName } from '../domain/policy/actor.ts';
import { accounts } from '../store/accounts.ts';
import { actors } from '../store/actors.ts';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';
import { createTrust, readTrustInput } from '../usecases/organisations/trusts.ts';
import { testKeys } from './context.ts';

export const fixtureRoles = ['trust_admin', 'school_admin', 'line_manager', 'staff', 'assessor', 'partnership_coordinator'] as const;

export type SeededTrust = {
  trustId: string;
  schoolId: string;
  /** A staff member (reports to the line manager) with an account of their own. */
  reportId: string;
  /** A staff member nobody in particular manages. */
  otherPersonId: string;
  /** A leaver. */
  leaverId: string;
  partnershipId: string;
  /** Per role: the account and its person. */
  users: Record<RoleName, { userId: string; personId: string; email: string }>;
};

const id = () => crypto.randomUUID();

const seedTrust = async (db: Kysely<Tables>, label: string): Promise<SeededTrust> => {
  // The trust as an operator creates it (`pathways trust create`), audited on its own chain.
  const { trustId } = await createTrust(
    {
      db,
      auditKey: testKeys.auditKey,
      clock: () => new Date(),
      config: { smtpUrl: undefined, production: false, publicUrl: undefined },
      demo: false,
    },
    readTrustInput({ name: `${label} Trust`, nation: 'England' }),
  );
  const schoolId = id();
  const orgs = organisations(db);
  await orgs.insert({
    id: schoolId,
    trust_id: trustId,
    kind: 'school',
    name: `${label} School`,
    phase: 'primary',
    nation: 'England',
    urn: null,
    parent_id: trustId,
  });
  const addPerson = async (given: string, family: string, extra: Partial<Parameters<ReturnType<typeof people>['insert']>[0]> = {}) => {
    const personId = id();
    await people(db).insert({
      id: personId,
      trust_id: trustId,
      organisation_id: schoolId,
      given_name: given,
      family_name: family,
      work_email: `${given}.${family}@${label}.example`.toLowerCase(),
      staff_code: `${label}-${given}-${family}`.toUpperCase(),
      graded_role: 'TA2',
      job_title: 'Teaching assistant',
      line_manager_id: null,
      left_on: null,
      ...extra,
    });
    return personId;
  };
  const users = {} as Record<RoleName, { userId: string; personId: string; email: string }>;
  for (const role of fixtureRoles) {
    const personId = await addPerson(label, role.replace('_', ''), { graded_role: role === 'staff' ? 'TA3' : null });
    const userId = id();
    const email = `${role}@${label}.example`.toLowerCase();
    await accounts(db).insert({ id: userId, trust_id: trustId, person_id: personId, email, password_hash: null });
    await accounts(db).assignRole({
      id: id(),
      trust_id: trustId,
      user_id: userId,
      role,
      organisation_id: role === 'trust_admin' || role === 'partnership_coordinator' ? trustId : schoolId,
    });
    users[role] = { userId, personId, email };
  }
  const reportId = users.staff.personId;
  await db
    .updateTable('people')
    .set({ line_manager_id: users.line_manager.personId, specialisms: ['a'] })
    .where('id', '=', reportId)
    .execute();
  const otherPersonId = await addPerson('Other', 'Person', { graded_role: 'TA4' });
  const leaverId = await addPerson('Left', 'Person', { left_on: '2026-01-31' });
  const partnershipId = id();
  await db
    .insertInto('partnerships')
    .values({ id: partnershipId, name: `${label} Partnership` })
    .execute();
  await db.insertInto('partnership_members').values({ partnership_id: partnershipId, organisation_id: schoolId }).execute();
  await db
    .insertInto('partner_organisations')
    .values({
      id: id(),
      partnership_id: partnershipId,
      organisation_id: schoolId,
      name: `${label} School`,
      phase: 'primary',
      sector: 'state',
    })
    .execute();
  await db
    .insertInto('partnership_coordinators')
    .values({ partnership_id: partnershipId, user_id: users.partnership_coordinator.userId })
    .execute();
  return { trustId, schoolId, reportId, otherPersonId, leaverId, partnershipId, users };
};

/** Two independent trusts, "own" and "other". */
export const seedTwoTrusts = async (db: Kysely<Tables>) => ({ own: await seedTrust(db, 'alpha'), other: await seedTrust(db, 'beta') });

/** The actor a seeded account signs in as; a seeded account always has one, so a missing actor is a broken fixture. */
export const loadActor = async (db: Kysely<Tables>, userId: string): Promise<Actor> => {
  const actor = await actors(db).load(userId);
  if (!actor) throw new Error(`no actor for user ${userId}`);
  return actor;
};
