import type { Kysely, Selectable } from 'kysely';
import type { CpdActivity, CpdInput } from '../contracts/portfolio/cpd.ts';
import { isoDateOrNull } from './dates.ts';
import type { CpdActivitiesTable } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

const toActivity = (r: Selectable<CpdActivitiesTable>): CpdActivity => ({
  id: r.id,
  personId: r.person_id,
  status: r.status,
  title: r.title,
  provider: r.provider,
  kind: r.kind,
  occurredOn: isoDateOrNull(r.occurred_on),
  minutes: r.minutes,
  itemCodes: r.item_codes,
  reflection: r.reflection,
  suggestedBy: r.suggested_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columnsOf = (input: CpdInput) => ({
  status: input.status,
  title: input.title,
  provider: input.provider,
  kind: input.kind,
  occurred_on: input.occurredOn,
  minutes: input.minutes,
  item_codes: input.itemCodes,
  reflection: input.reflection,
});

/** A person's CPD log. Removal is soft (`removed_at`), so the audit trail's ids keep pointing somewhere. */
export const cpdActivities = (db: Kysely<Tables>) => ({
  /** The activities not removed: dated newest first, then undated plans. */
  list: async (trustId: string, personId: string): Promise<CpdActivity[]> => {
    const rows = await db
      .selectFrom('cpd_activities')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('occurred_on', (o) => o.desc().nullsLast())
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toActivity);
  },

  find: async (trustId: string, personId: string, id: string): Promise<CpdActivity | undefined> => {
    const row = await db
      .selectFrom('cpd_activities')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row ? toActivity(row) : undefined;
  },

  /** The live activity a suggestion was added as, if any. */
  findBySuggestion: async (trustId: string, personId: string, suggestedBy: string): Promise<CpdActivity | undefined> => {
    const row = await db
      .selectFrom('cpd_activities')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('suggested_by', '=', suggestedBy)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row ? toActivity(row) : undefined;
  },

  insert: async (a: {
    id: string;
    trustId: string;
    personId: string;
    input: CpdInput;
    suggestedBy: string | null;
    createdBy: string;
    at: Date;
  }): Promise<void> => {
    await db
      .insertInto('cpd_activities')
      .values({
        id: a.id,
        trust_id: a.trustId,
        person_id: a.personId,
        ...columnsOf(a.input),
        suggested_by: a.suggestedBy,
        created_by: a.createdBy,
        created_at: a.at,
        updated_at: a.at,
      })
      .execute();
  },

  update: async (trustId: string, id: string, input: CpdInput, at: Date): Promise<void> => {
    await db
      .updateTable('cpd_activities')
      .set({ ...columnsOf(input), updated_at: at })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  remove: async (trustId: string, id: string, at: Date): Promise<void> => {
    await db
      .updateTable('cpd_activities')
      .set({ removed_at: at, updated_at: at })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },
});
