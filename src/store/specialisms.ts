import type { Kysely } from 'kysely';
import type { SpecialismRecord, SpecialismStatus } from '../contracts/portfolio/specialism.ts';
import type { Tables, Timestamp } from './tables.ts';

/** Specialisms recorded by staff and decided by their line manager (migration 20261203_1530_specialisms.sql). */
export type SpecialismRecordsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  letter: string;
  status: SpecialismStatus;
  recorded_by: string;
  recorded_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
};

/** A user's name for a history: their person's name, or the account's email when it has no person. */
const nameOf = (given: string | null, family: string | null, email: string | null): string | null =>
  given !== null && family !== null ? `${given} ${family}`.trim() : email;

/** A person's specialism records: every row is kept, so the list is the history. */
export const specialismRecords = (db: Kysely<Tables>) => ({
  /** Every record of the person, newest first, with the names of who recorded, decided and withdrew it. */
  list: async (trustId: string, personId: string): Promise<SpecialismRecord[]> => {
    const rows = await db
      .selectFrom('specialism_records as s')
      .leftJoin('user_accounts as ru', 'ru.id', 's.recorded_by')
      .leftJoin('people as rp', 'rp.id', 'ru.person_id')
      .leftJoin('user_accounts as du', 'du.id', 's.decided_by')
      .leftJoin('people as dp', 'dp.id', 'du.person_id')
      .leftJoin('user_accounts as wu', 'wu.id', 's.withdrawn_by')
      .leftJoin('people as wp', 'wp.id', 'wu.person_id')
      .selectAll('s')
      .select([
        'ru.email as recorded_email',
        'rp.given_name as recorded_given',
        'rp.family_name as recorded_family',
        'du.email as decided_email',
        'dp.given_name as decided_given',
        'dp.family_name as decided_family',
        'wu.email as withdrawn_email',
        'wp.given_name as withdrawn_given',
        'wp.family_name as withdrawn_family',
      ])
      .where('s.trust_id', '=', trustId)
      .where('s.person_id', '=', personId)
      .orderBy('s.recorded_at', 'desc')
      .orderBy('s.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      letter: r.letter,
      status: r.status,
      recordedBy: { userId: r.recorded_by, name: nameOf(r.recorded_given, r.recorded_family, r.recorded_email) },
      recordedAt: r.recorded_at,
      decidedBy: r.decided_by ? { userId: r.decided_by, name: nameOf(r.decided_given, r.decided_family, r.decided_email) } : null,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
      withdrawnBy: r.withdrawn_by
        ? { userId: r.withdrawn_by, name: nameOf(r.withdrawn_given, r.withdrawn_family, r.withdrawn_email) }
        : null,
      withdrawnAt: r.withdrawn_at,
    }));
  },

  /** The letters of the person's records in a status (confirmed: what counts; awaiting: what the manager still has to decide). */
  lettersWith: async (trustId: string, personId: string, status: SpecialismStatus): Promise<string[]> => {
    const rows = await db
      .selectFrom('specialism_records')
      .select('letter')
      .distinct()
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('status', '=', status)
      .orderBy('letter')
      .execute();
    return rows.map((r) => r.letter);
  },

  /** Locks the person's live records (awaiting or confirmed) for a change in the caller's transaction. */
  lockLive: async (trustId: string, personId: string) =>
    db
      .selectFrom('specialism_records')
      .select(['id', 'letter', 'status'])
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('status', 'in', ['awaiting', 'confirmed'])
      .forUpdate()
      .execute(),

  insert: async (r: { id: string; trustId: string; personId: string; letter: string; recordedBy: string; recordedAt: Date }) => {
    await db
      .insertInto('specialism_records')
      .values({
        id: r.id,
        trust_id: r.trustId,
        person_id: r.personId,
        letter: r.letter,
        status: 'awaiting',
        recorded_by: r.recordedBy,
        recorded_at: r.recordedAt,
      })
      .execute();
  },

  /** Withdraws a live record (the person no longer provides the specialism). */
  withdraw: async (trustId: string, id: string, by: string, at: Date) => {
    await db
      .updateTable('specialism_records')
      .set({ status: 'withdrawn', withdrawn_by: by, withdrawn_at: at })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  /** Confirms or declines a record that awaits confirmation; false when it no longer awaits (decided or withdrawn meanwhile). */
  decide: async (
    trustId: string,
    personId: string,
    id: string,
    d: { status: 'confirmed' | 'declined'; by: string; at: Date; note: string | null },
  ): Promise<boolean> => {
    const result = await db
      .updateTable('specialism_records')
      .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .where('status', '=', 'awaiting')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },
});
