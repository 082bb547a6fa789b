import type { Kysely } from 'kysely';
import type { DegreeModule, ModuleInput } from '../../domain/apprenticeships/associate-teacher-credits.ts';
import type { Tables } from '../tables.ts';

/** The Foundation Degree modules of an enrolment: rows ↔ DegreeModule values, no product logic. */
export const degreeModules = (db: Kysely<Tables>) => ({
  listForEnrolment: async (trustId: string, enrolmentId: string): Promise<DegreeModule[]> =>
    (
      await db
        .selectFrom('foundation_degree_modules')
        .select(['id', 'code', 'title', 'level', 'credits', 'result', 'mark'])
        .where('trust_id', '=', trustId)
        .where('enrolment_id', '=', enrolmentId)
        .orderBy('level')
        .orderBy('code')
        .execute()
    ).map((r) => ({ ...r, level: Number(r.level), credits: Number(r.credits), mark: r.mark === null ? null : Number(r.mark) })),

  insert: async (r: { id: string; trustId: string; enrolmentId: string; recordedBy: string; at: Date } & ModuleInput) => {
    await db
      .insertInto('foundation_degree_modules')
      .values({
        id: r.id,
        trust_id: r.trustId,
        enrolment_id: r.enrolmentId,
        code: r.code,
        title: r.title,
        level: r.level,
        credits: r.credits,
        result: r.result,
        mark: r.mark,
        recorded_by: r.recordedBy,
        created_at: r.at,
        updated_at: r.at,
      })
      .execute();
  },

  update: async (trustId: string, enrolmentId: string, id: string, input: ModuleInput, by: string, at: Date): Promise<boolean> => {
    const result = await db
      .updateTable('foundation_degree_modules')
      .set({ ...input, recorded_by: by, updated_at: at })
      .where('trust_id', '=', trustId)
      .where('enrolment_id', '=', enrolmentId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
});
