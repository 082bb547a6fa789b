import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/** A school's own role words ("LSA", "Grade 5") remembered against a framework role, or null for "no graded role". */
export const roleValueMappings = (db: Kysely<Tables>) => ({
  listBySchool: async (trustId: string, schoolId: string): Promise<Map<string, string | null>> => {
    const rows = await db
      .selectFrom('role_value_mappings')
      .select(['role_value', 'graded_role'])
      .where('trust_id', '=', trustId)
      .where('organisation_id', '=', schoolId)
      .execute();
    return new Map(rows.map((r) => [r.role_value, r.graded_role]));
  },

  upsert: async (trustId: string, schoolId: string, mappings: ReadonlyMap<string, string | null>, now: Date): Promise<void> => {
    if (mappings.size === 0) return;
    await db
      .insertInto('role_value_mappings')
      .values(
        [...mappings].map(([roleValue, gradedRole]) => ({
          trust_id: trustId,
          organisation_id: schoolId,
          role_value: roleValue,
          graded_role: gradedRole,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['trust_id', 'organisation_id', 'role_value']).doUpdateSet((eb) => ({ graded_role: eb.ref('excluded.graded_role') })),
      )
      .execute();
  },
});
export type RoleValueMappings = ReturnType<typeof roleValueMappings>;
