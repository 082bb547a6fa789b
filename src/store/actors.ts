import type { Kysely } from 'kysely';
import type { Actor } from '../domain/policy/actor.ts';
import { enrolments } from './apprenticeships/enrolments.ts';
import { supervisionLinks } from './apprenticeships/supervision-links.ts';
import type { Tables } from './tables.ts';

/** Loads what the permission policy needs to know about a user: assignments and the people they are responsible for. */
export const actors = (db: Kysely<Tables>) => ({
  load: async (userId: string): Promise<Actor | undefined> => {
    const account = await db
      .selectFrom('user_accounts')
      .select(['id', 'person_id', 'disabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!account || account.disabled_at) return undefined;
    const [assignments, reports, partnerships, apprentices, supervisees] = await Promise.all([
      db
        .selectFrom('role_assignments')
        .select(['role', 'trust_id', 'organisation_id', 'headteacher'])
        .where('user_id', '=', userId)
        .execute(),
      account.person_id
        ? db.selectFrom('people').select('id').where('line_manager_id', '=', account.person_id).where('left_on', 'is', null).execute()
        : Promise.resolve([]),
      db.selectFrom('partnership_coordinators').select('partnership_id').where('user_id', '=', userId).execute(),
      enrolments(db).apprenticeIdsOfAssessor(userId),
      account.person_id ? supervisionLinks(db).superviseesOf(account.person_id) : Promise.resolve([]),
    ]);
    return {
      kind: 'user',
      userId,
      personId: account.person_id,
      assignments: assignments.map((a) => ({
        role: a.role,
        trustId: a.trust_id,
        organisationId: a.organisation_id,
        headteacher: a.headteacher,
      })),
      reportIds: reports.map((r) => r.id),
      // People enrolled with a provider where the user is an assessor, across employers and trusts.
      apprenticeIds: apprentices,
      partnershipIds: partnerships.map((p) => p.partnership_id),
      // Colleagues supervised as an Associate Teacher; deciding their evidence only where their school allows it.
      superviseeIds: supervisees.map((s) => s.personId),
      decidingSuperviseeIds: supervisees.filter((s) => s.mayDecide).map((s) => s.personId),
    };
  },
});
