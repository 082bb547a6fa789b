import type { Kysely } from 'kysely';
import type { ReviewParty } from '../../domain/apprenticeships/progress-review.ts';
import { isoDateOf } from '../dates.ts';
import type { DateColumn, Json, Tables, Timestamp } from '../tables.ts';

/** Tripartite progress reviews (migration 20261204_0110_off_the_job_and_reviews.sql). */
export type ProgressReviewsTable = {
  id: string;
  trust_id: string;
  enrolment_id: string;
  held_on: DateColumn;
  /** The agenda lines; write JSON text. */
  agenda: Json;
  created_by: string;
  created_at: Timestamp;
  apprentice_signed_by: string | null;
  apprentice_signed_at: Timestamp | null;
  employer_signed_by: string | null;
  employer_signed_at: Timestamp | null;
  provider_signed_by: string | null;
  provider_signed_at: Timestamp | null;
};

export type ProgressReviewCommentsTable = {
  id: string;
  trust_id: string;
  review_id: string;
  party: ReviewParty;
  body: string;
  author_id: string;
  created_at: Timestamp;
};

export type ProgressReviewActionsTable = {
  id: string;
  trust_id: string;
  review_id: string;
  description: string;
  owner: ReviewParty;
  due_on: DateColumn;
  created_by: string;
  created_at: Timestamp;
};

export type Signature = { userId: string; name: string | null; at: Date };

export type StoredReview = {
  id: string;
  enrolmentId: string;
  heldOn: string;
  agenda: string[];
  createdAt: Date;
  signatures: Partial<Record<ReviewParty, Signature>>;
  comments: { id: string; party: ReviewParty; body: string; authorName: string | null; at: Date }[];
  actions: { id: string; description: string; owner: ReviewParty; dueOn: string }[];
};

const nameOf = (given: string | null, family: string | null, email: string | null): string | null =>
  given !== null && family !== null ? `${given} ${family}`.trim() : email;

const linesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Progress reviews with their comments, actions and signatures; every query names the trust. */
export const progressReviews = (db: Kysely<Tables>) => {
  const signer = (party: ReviewParty) => `${party}_signed_by` as const;

  const load = async (trustId: string, rows: { id: string }[]) => {
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { comments: [], actions: [] };
    const [comments, actions] = await Promise.all([
      db
        .selectFrom('progress_review_comments as c')
        .leftJoin('user_accounts as u', 'u.id', 'c.author_id')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .selectAll('c')
        .select(['u.email', 'p.given_name', 'p.family_name'])
        .where('c.trust_id', '=', trustId)
        .where('c.review_id', 'in', ids)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute(),
      db
        .selectFrom('progress_review_actions')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('review_id', 'in', ids)
        .orderBy('due_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    return { comments, actions };
  };

  const list = async (trustId: string, enrolmentId: string, reviewId?: string): Promise<StoredReview[]> => {
    let q = db
      .selectFrom('progress_reviews as r')
      .selectAll('r')
      .where('r.trust_id', '=', trustId)
      .where('r.enrolment_id', '=', enrolmentId);
    if (reviewId) q = q.where('r.id', '=', reviewId);
    const rows = await q.orderBy('r.held_on', 'desc').orderBy('r.created_at', 'desc').execute();
    const { comments, actions } = await load(trustId, rows);
    const signerIds = [...new Set(rows.flatMap((r) => [r.apprentice_signed_by, r.employer_signed_by, r.provider_signed_by]))].filter(
      (id): id is string => id !== null,
    );
    const names = new Map<string, string | null>();
    if (signerIds.length > 0)
      for (const s of await db
        .selectFrom('user_accounts as u')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .select(['u.id', 'u.email', 'p.given_name', 'p.family_name'])
        .where('u.id', 'in', signerIds)
        .execute())
        names.set(s.id, nameOf(s.given_name, s.family_name, s.email));
    const signature = (by: string | null, at: Date | null): Signature | undefined =>
      by && at ? { userId: by, name: names.get(by) ?? null, at } : undefined;
    return rows.map((r) => {
      const signatures: StoredReview['signatures'] = {};
      const a = signature(r.apprentice_signed_by, r.apprentice_signed_at);
      const e = signature(r.employer_signed_by, r.employer_signed_at);
      const p = signature(r.provider_signed_by, r.provider_signed_at);
      if (a) signatures.apprentice = a;
      if (e) signatures.employer = e;
      if (p) signatures.provider = p;
      return {
        id: r.id,
        enrolmentId: r.enrolment_id,
        heldOn: isoDateOf(r.held_on),
        agenda: linesOf(r.agenda),
        createdAt: r.created_at,
        signatures,
        comments: comments
          .filter((c) => c.review_id === r.id)
          .map((c) => ({
            id: c.id,
            party: c.party,
            body: c.body,
            authorName: nameOf(c.given_name, c.family_name, c.email),
            at: c.created_at,
          })),
        actions: actions
          .filter((x) => x.review_id === r.id)
          .map((x) => ({ id: x.id, description: x.description, owner: x.owner, dueOn: isoDateOf(x.due_on) })),
      };
    });
  };

  return {
    /** The enrolment's reviews, newest first, each with its comments, actions and signatures. */
    list: (trustId: string, enrolmentId: string) => list(trustId, enrolmentId),

    /** One review of the enrolment; locked for a change when asked (inside the caller's transaction). */
    find: async (trustId: string, enrolmentId: string, id: string, options: { lock?: boolean } = {}): Promise<StoredReview | undefined> => {
      if (options.lock)
        await db.selectFrom('progress_reviews').select('id').where('trust_id', '=', trustId).where('id', '=', id).forUpdate().execute();
      return (await list(trustId, enrolmentId, id))[0];
    },

    /** The held-on dates and who signed, of many enrolments at once (the caseload's next review due). */
    signaturesOf: async (enrolmentIds: readonly string[]) => {
      if (enrolmentIds.length === 0) return [];
      return (
        await db
          .selectFrom('progress_reviews')
          .select(['enrolment_id', 'held_on', 'apprentice_signed_at', 'employer_signed_at', 'provider_signed_at'])
          .where('enrolment_id', 'in', enrolmentIds)
          .execute()
      ).map((r) => ({
        enrolmentId: r.enrolment_id,
        heldOn: isoDateOf(r.held_on),
        signatures: { apprentice: r.apprentice_signed_at, employer: r.employer_signed_at, provider: r.provider_signed_at },
      }));
    },

    insert: async (r: {
      id: string;
      trustId: string;
      enrolmentId: string;
      heldOn: string;
      agenda: string[];
      createdBy: string;
      at: Date;
    }) => {
      await db
        .insertInto('progress_reviews')
        .values({
          id: r.id,
          trust_id: r.trustId,
          enrolment_id: r.enrolmentId,
          held_on: r.heldOn,
          agenda: JSON.stringify(r.agenda),
          created_by: r.createdBy,
          created_at: r.at,
        })
        .execute();
    },

    addComment: async (r: {
      id: string;
      trustId: string;
      reviewId: string;
      party: ReviewParty;
      body: string;
      authorId: string;
      at: Date;
    }) => {
      await db
        .insertInto('progress_review_comments')
        .values({
          id: r.id,
          trust_id: r.trustId,
          review_id: r.reviewId,
          party: r.party,
          body: r.body,
          author_id: r.authorId,
          created_at: r.at,
        })
        .execute();
    },

    addAction: async (r: {
      id: string;
      trustId: string;
      reviewId: string;
      description: string;
      owner: ReviewParty;
      dueOn: string;
      createdBy: string;
      at: Date;
    }) => {
      await db
        .insertInto('progress_review_actions')
        .values({
          id: r.id,
          trust_id: r.trustId,
          review_id: r.reviewId,
          description: r.description,
          owner: r.owner,
          due_on: r.dueOn,
          created_by: r.createdBy,
          created_at: r.at,
        })
        .execute();
    },

    sign: async (trustId: string, reviewId: string, party: ReviewParty, userId: string, at: Date) => {
      const set =
        party === 'apprentice'
          ? { apprentice_signed_by: userId, apprentice_signed_at: at }
          : party === 'employer'
            ? { employer_signed_by: userId, employer_signed_at: at }
            : { provider_signed_by: userId, provider_signed_at: at };
      await db
        .updateTable('progress_reviews')
        .set(set)
        .where('trust_id', '=', trustId)
        .where('id', '=', reviewId)
        .where(signer(party), 'is', null)
        .execute();
    },
  };
};
