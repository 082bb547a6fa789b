import type { Kysely } from 'kysely';
import { isoDateOf } from './dates.ts';
import type { EvidenceKind } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

export type StoredClaim = {
  itemCode: string;
  status: 'claimed' | 'accepted' | 'returned';
  feedback: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
};

export type StoredEvidence = {
  id: string;
  trustId: string;
  personId: string;
  kind: EvidenceKind;
  title: string;
  occurredOn: string;
  body: string;
  status: 'draft' | 'submitted' | 'decided';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  claims: StoredClaim[];
};

export type EvidenceSummary = Omit<StoredEvidence, 'body' | 'claims'> & {
  counts: { claimed: number; accepted: number; returned: number };
};

export type QueuedEvidence = EvidenceSummary & { personName: string };

type ItemRow = {
  id: string;
  trust_id: string;
  person_id: string;
  kind: EvidenceKind;
  title: string;
  occurred_on: Date;
  status: 'draft' | 'submitted' | 'decided';
  created_by: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
};

const summaryOf = (r: ItemRow) => ({
  id: r.id,
  trustId: r.trust_id,
  personId: r.person_id,
  kind: r.kind,
  title: r.title,
  occurredOn: isoDateOf(r.occurred_on),
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
});

const itemColumns = [
  'e.id',
  'e.trust_id',
  'e.person_id',
  'e.kind',
  'e.title',
  'e.occurred_on',
  'e.status',
  'e.created_by',
  'e.created_at',
  'e.updated_at',
  'e.submitted_at',
  'e.decided_at',
] as const;

/** Evidence items and their claims; every query names the trust. Removed evidence is never returned. */
export const evidence = (db: Kysely<Tables>) => {
  const countsOf = async (trustId: string, ids: string[]) => {
    const counts = new Map<string, { claimed: number; accepted: number; returned: number }>();
    for (const id of ids) counts.set(id, { claimed: 0, accepted: 0, returned: 0 });
    if (ids.length === 0) return counts;
    const rows = await db
      .selectFrom('evidence_claims')
      .select(['evidence_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('trust_id', '=', trustId)
      .where('evidence_id', 'in', ids)
      .groupBy(['evidence_id', 'status'])
      .execute();
    for (const r of rows) {
      const c = counts.get(r.evidence_id);
      if (c) c[r.status] = Number(r.n);
    }
    return counts;
  };

  return {
    insert: async (e: Omit<StoredEvidence, 'claims' | 'submittedAt' | 'decidedAt' | 'status'>): Promise<void> => {
      await db
        .insertInto('evidence_items')
        .values({
          id: e.id,
          trust_id: e.trustId,
          person_id: e.personId,
          kind: e.kind,
          title: e.title,
          occurred_on: e.occurredOn,
          body: e.body,
          status: 'draft',
          created_by: e.createdBy,
          created_at: e.createdAt,
          updated_at: e.updatedAt,
        })
        .execute();
    },

    updateContent: async (
      trustId: string,
      id: string,
      c: { kind: EvidenceKind; title: string; occurredOn: string; body: string; updatedAt: Date },
    ): Promise<void> => {
      await db
        .updateTable('evidence_items')
        .set({ kind: c.kind, title: c.title, occurred_on: c.occurredOn, body: c.body, updated_at: c.updatedAt })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Moves evidence on from the status it was read in (`from`); false when someone else moved it
     * first, so two concurrent decisions or submissions cannot both apply.
     */
    setStatus: async (
      trustId: string,
      id: string,
      s: { status: 'submitted' | 'decided'; from: 'draft' | 'submitted' | 'decided'; at: Date },
    ): Promise<boolean> => {
      const result = await db
        .updateTable('evidence_items')
        .set(
          s.status === 'submitted'
            ? { status: 'submitted', submitted_at: s.at, updated_at: s.at }
            : { status: 'decided', decided_at: s.at, updated_at: s.at },
        )
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .where('status', '=', s.from)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    remove: async (trustId: string, id: string, at: Date): Promise<void> => {
      await db.updateTable('evidence_items').set({ removed_at: at }).where('trust_id', '=', trustId).where('id', '=', id).execute();
    },

    /** Replaces the claim rows with the given list (each row keeps its id when its code is unchanged). */
    writeClaims: async (trustId: string, evidenceId: string, claims: StoredClaim[], newId: () => string): Promise<void> => {
      const codes = claims.map((c) => c.itemCode);
      let gone = db.deleteFrom('evidence_claims').where('trust_id', '=', trustId).where('evidence_id', '=', evidenceId);
      if (codes.length > 0) gone = gone.where('item_code', 'not in', codes);
      await gone.execute();
      for (const c of claims) {
        const values = { status: c.status, feedback: c.feedback, decided_by: c.decidedBy, decided_at: c.decidedAt };
        await db
          .insertInto('evidence_claims')
          .values({ id: newId(), trust_id: trustId, evidence_id: evidenceId, item_code: c.itemCode, ...values })
          .onConflict((oc) => oc.columns(['evidence_id', 'item_code']).doUpdateSet(values))
          .execute();
      }
    },

    find: async (trustId: string, id: string): Promise<StoredEvidence | undefined> => {
      const row = await db
        .selectFrom('evidence_items as e')
        .select([...itemColumns, 'e.body'])
        .where('e.trust_id', '=', trustId)
        .where('e.id', '=', id)
        .where('e.removed_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      const claims = await db
        .selectFrom('evidence_claims')
        .select(['item_code', 'status', 'feedback', 'decided_by', 'decided_at'])
        .where('trust_id', '=', trustId)
        .where('evidence_id', '=', id)
        .orderBy('item_code')
        .execute();
      return {
        ...summaryOf(row),
        body: row.body,
        claims: claims.map((c) => ({
          itemCode: c.item_code,
          status: c.status,
          feedback: c.feedback,
          decidedBy: c.decided_by,
          decidedAt: c.decided_at,
        })),
      };
    },

    /** A person's evidence, most recently changed first, with claim counts per outcome. */
    listByPerson: async (trustId: string, personId: string): Promise<EvidenceSummary[]> => {
      const rows = await db
        .selectFrom('evidence_items as e')
        .select(itemColumns)
        .where('e.trust_id', '=', trustId)
        .where('e.person_id', '=', personId)
        .where('e.removed_at', 'is', null)
        .orderBy('e.updated_at', 'desc')
        .execute();
      const counts = await countsOf(
        trustId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...summaryOf(r), counts: counts.get(r.id) ?? { claimed: 0, accepted: 0, returned: 0 } }));
    },

    /** The names of the people behind some user accounts of the trust (who judged, who decided). */
    accountNames: async (trustId: string, userIds: readonly string[]): Promise<Map<string, string>> => {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('user_accounts as u')
        .innerJoin('people as p', 'p.id', 'u.person_id')
        .select(['u.id', 'p.given_name', 'p.family_name'])
        .where('u.trust_id', '=', trustId)
        .where('u.id', 'in', [...userIds])
        .execute();
      return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
    },

    /** Submitted evidence of the given people, oldest submission first. */
    queue: async (trustId: string, personIds: readonly string[]): Promise<QueuedEvidence[]> => {
      if (personIds.length === 0) return [];
      const rows = await db
        .selectFrom('evidence_items as e')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .select([...itemColumns, 'p.given_name', 'p.family_name'])
        .where('e.trust_id', '=', trustId)
        .where('p.trust_id', '=', trustId)
        .where('e.person_id', 'in', [...personIds])
        .where('e.status', '=', 'submitted')
        .where('e.removed_at', 'is', null)
        .orderBy('e.submitted_at', 'asc')
        .execute();
      const counts = await countsOf(
        trustId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        ...summaryOf(r),
        personName: `${r.given_name} ${r.family_name}`,
        counts: counts.get(r.id) ?? { claimed: 0, accepted: 0, returned: 0 },
      }));
    },
  };
};
