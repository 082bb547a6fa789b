import { type Kysely, sql } from 'kysely';
import type { ReviewComment, ReviewCycleSummary, ReviewObjective } from '../contracts/portfolio/review.ts';
import type { ReviewStage } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

/** A user's name for display: their person's name, or their email when the account has no person. */
const nameOfUser = sql<string>`coalesce(wp.given_name || ' ' || wp.family_name, wu.email)`;

/** Performance review cycles, their objectives and comments. */
export const reviews = (db: Kysely<Tables>) => {
  const cycles = () =>
    db
      .selectFrom('review_cycles as c')
      .innerJoin('user_accounts as wu', 'wu.id', 'c.reviewer_id')
      .leftJoin('people as wp', 'wp.id', 'wu.person_id')
      .select([
        'c.id',
        'c.person_id',
        'c.academic_year',
        'c.stage',
        'c.reviewer_id',
        nameOfUser.as('reviewer_name'),
        'c.outcome',
        'c.staff_signed_at',
        'c.reviewer_signed_at',
        'c.created_at',
        'c.updated_at',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof cycles>['executeTakeFirstOrThrow']>>;
  const toCycle = (r: Row): ReviewCycleSummary => ({
    id: r.id,
    personId: r.person_id,
    academicYear: r.academic_year,
    stage: r.stage,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    outcome: r.outcome,
    staffSignedAt: r.staff_signed_at,
    reviewerSignedAt: r.reviewer_signed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  return {
    /** A person's cycles, newest academic year first. */
    list: async (trustId: string, personId: string): Promise<ReviewCycleSummary[]> =>
      (
        await cycles().where('c.trust_id', '=', trustId).where('c.person_id', '=', personId).orderBy('c.academic_year', 'desc').execute()
      ).map(toCycle),

    find: async (trustId: string, personId: string, cycleId: string): Promise<ReviewCycleSummary | undefined> => {
      const row = await cycles()
        .where('c.trust_id', '=', trustId)
        .where('c.person_id', '=', personId)
        .where('c.id', '=', cycleId)
        .executeTakeFirst();
      return row ? toCycle(row) : undefined;
    },

    /** Locks the cycle's row for the rest of the transaction, so two signatures cannot race. */
    lock: async (trustId: string, cycleId: string): Promise<void> => {
      await db.selectFrom('review_cycles').select('id').where('trust_id', '=', trustId).where('id', '=', cycleId).forUpdate().execute();
    },

    /** Inserts a cycle; false when the person already has one for that academic year. */
    insert: async (c: {
      id: string;
      trustId: string;
      personId: string;
      academicYear: string;
      reviewerId: string;
      at: Date;
    }): Promise<boolean> => {
      const inserted = await db
        .insertInto('review_cycles')
        .values({
          id: c.id,
          trust_id: c.trustId,
          person_id: c.personId,
          academic_year: c.academicYear,
          reviewer_id: c.reviewerId,
          stage: 'objectives',
          created_at: c.at,
          updated_at: c.at,
        })
        .onConflict((oc) => oc.columns(['trust_id', 'person_id', 'academic_year']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    update: async (
      trustId: string,
      cycleId: string,
      change: { stage?: ReviewStage; outcome?: string; staffSignedAt?: Date; reviewerSignedAt?: Date },
      at: Date,
    ): Promise<void> => {
      await db
        .updateTable('review_cycles')
        .set({
          ...(change.stage ? { stage: change.stage } : {}),
          ...(change.outcome !== undefined ? { outcome: change.outcome } : {}),
          ...(change.staffSignedAt ? { staff_signed_at: change.staffSignedAt } : {}),
          ...(change.reviewerSignedAt ? { reviewer_signed_at: change.reviewerSignedAt } : {}),
          updated_at: at,
        })
        .where('trust_id', '=', trustId)
        .where('id', '=', cycleId)
        .execute();
    },

    objectives: async (trustId: string, cycleId: string): Promise<ReviewObjective[]> =>
      (
        await db
          .selectFrom('review_objectives')
          .select(['id', 'title', 'description', 'item_codes', 'position'])
          .where('trust_id', '=', trustId)
          .where('cycle_id', '=', cycleId)
          .where('removed_at', 'is', null)
          .orderBy('position')
          .orderBy('id')
          .execute()
      ).map((r) => ({ id: r.id, title: r.title, description: r.description, itemCodes: r.item_codes, position: r.position })),

    insertObjective: async (o: {
      id: string;
      trustId: string;
      cycleId: string;
      title: string;
      description: string;
      itemCodes: string[];
    }): Promise<void> => {
      const last = await db
        .selectFrom('review_objectives')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('trust_id', '=', o.trustId)
        .where('cycle_id', '=', o.cycleId)
        .executeTakeFirst();
      await db
        .insertInto('review_objectives')
        .values({
          id: o.id,
          trust_id: o.trustId,
          cycle_id: o.cycleId,
          title: o.title,
          description: o.description,
          item_codes: o.itemCodes,
          position: (last?.position ?? -1) + 1,
        })
        .execute();
    },

    comments: async (trustId: string, cycleId: string): Promise<ReviewComment[]> =>
      (
        await db
          .selectFrom('review_comments as rc')
          .innerJoin('user_accounts as wu', 'wu.id', 'rc.written_by')
          .leftJoin('people as wp', 'wp.id', 'wu.person_id')
          .select([
            'rc.id',
            'rc.stage',
            'rc.side',
            'rc.objective_id',
            'rc.body',
            'rc.written_by',
            'rc.written_at',
            nameOfUser.as('writer_name'),
          ])
          .where('rc.trust_id', '=', trustId)
          .where('rc.cycle_id', '=', cycleId)
          .orderBy(sql`rc.stage = 'end-of-year'`)
          .orderBy('rc.written_at')
          .orderBy('rc.id')
          .execute()
      ).map((r) => ({
        id: r.id,
        stage: r.stage,
        side: r.side,
        objectiveId: r.objective_id,
        body: r.body,
        writtenBy: r.written_by,
        writerName: r.writer_name,
        writtenAt: r.written_at,
      })),

    insertComment: async (c: {
      id: string;
      trustId: string;
      cycleId: string;
      stage: 'mid-year' | 'end-of-year';
      side: 'staff' | 'reviewer';
      objectiveId: string | null;
      body: string;
      writtenBy: string;
      at: Date;
    }): Promise<void> => {
      await db
        .insertInto('review_comments')
        .values({
          id: c.id,
          trust_id: c.trustId,
          cycle_id: c.cycleId,
          stage: c.stage,
          side: c.side,
          objective_id: c.objectiveId,
          body: c.body,
          written_by: c.writtenBy,
          written_at: c.at,
        })
        .execute();
    },
  };
};
