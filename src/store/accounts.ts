import type { Kysely } from 'kysely';
import type { NewRoleAssignment, NewUserAccount, Tables, UserAccountRow } from './tables.ts';

export const accounts = (db: Kysely<Tables>) => ({
  insert: async (account: NewUserAccount): Promise<void> => {
    await db.insertInto('user_accounts').values(account).execute();
  },

  assignRole: async (assignment: NewRoleAssignment): Promise<void> => {
    await db.insertInto('role_assignments').values(assignment).execute();
  },

  /** Several role assignments in one statement. */
  assignRoles: async (assignments: readonly NewRoleAssignment[]): Promise<void> => {
    if (assignments.length > 0)
      await db
        .insertInto('role_assignments')
        .values([...assignments])
        .execute();
  },

  /** Whether an account has exactly this (already normalised) email. */
  emailTaken: async (email: string): Promise<boolean> =>
    (await db.selectFrom('user_accounts').select('id').where('email', '=', email).executeTakeFirst()) !== undefined,

  findByEmail: (email: string): Promise<UserAccountRow | undefined> =>
    db.selectFrom('user_accounts').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst(),

  /** How many demo accounts exist (production refuses to start while there are any). */
  countDemo: async (): Promise<number> => {
    const row = await db
      .selectFrom('user_accounts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
});
export type Accounts = ReturnType<typeof accounts>;
