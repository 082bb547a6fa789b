import type { Kysely } from 'kysely';
import type { JudgementValue } from '../contracts/person-state.ts';
import type { Tables } from './tables.ts';

/** One judgement of a person against a competency item: who judged, when, on what evidence. */
export type Judgement = {
  id: string;
  trustId: string;
  personId: string;
  itemCode: string;
  value: JudgementValue;
  source: 'evidence' | 'observation';
  evidenceId: string | null;
  note: string | null;
  judgedBy: string;
  judgedAt: Date;
};

const toJudgement = (r: {
  id: string;
  trust_id: string;
  person_id: string;
  item_code: string;
  value: JudgementValue;
  source: 'evidence' | 'observation';
  evidence_id: string | null;
  note: string | null;
  judged_by: string;
  judged_at: Date;
}): Judgement => ({
  id: r.id,
  trustId: r.trust_id,
  personId: r.person_id,
  itemCode: r.item_code,
  value: r.value,
  source: r.source,
  evidenceId: r.evidence_id,
  note: r.note,
  judgedBy: r.judged_by,
  judgedAt: r.judged_at,
});

/**
 * Judgements are never updated or deleted: each new judgement is a row, and a person's judgement of
 * an item is its latest row, so the history is the table itself.
 */
export const judgements = (db: Kysely<Tables>) => ({
  insert: async (j: Judgement): Promise<void> => {
    await db
      .insertInto('judgements')
      .values({
        id: j.id,
        trust_id: j.trustId,
        person_id: j.personId,
        item_code: j.itemCode,
        value: j.value,
        source: j.source,
        evidence_id: j.evidenceId,
        note: j.note,
        judged_by: j.judgedBy,
        judged_at: j.judgedAt,
      })
      .execute();
  },

  /** The latest judgement of each item for a person. */
  current: async (trustId: string, personId: string): Promise<Judgement[]> => {
    const rows = await db
      .selectFrom('judgements')
      .selectAll()
      .distinctOn('item_code')
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .orderBy('item_code')
      .orderBy('judged_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toJudgement);
  },

  /** Every judgement of a person, newest first (their whole history in one query). */
  allOfPerson: async (trustId: string, personId: string): Promise<Judgement[]> => {
    const rows = await db
      .selectFrom('judgements')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .orderBy('judged_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toJudgement);
  },

  /** Every judgement of one item for a person, newest first. */
  history: async (trustId: string, personId: string, itemCode: string): Promise<Judgement[]> => {
    const rows = await db
      .selectFrom('judgements')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('item_code', '=', itemCode)
      .orderBy('judged_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toJudgement);
  },
});
