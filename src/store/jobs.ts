import { type Kysely, sql } from 'kysely';
import type { Tables } from './tables.ts';

export type JobRecord = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

export type JobState = JobRecord & { runAt: Date; lockedUntil: Date | null; lastError: string | null; doneAt: Date | null };

/** The durable job table: rows in, due rows claimed under a lease, outcomes recorded. No product logic. */
export const jobs = (db: Kysely<Tables>) => ({
  insert: async (job: { id: string; kind: string; payload: unknown; runAt: Date; maxAttempts: number }): Promise<void> => {
    await db
      .insertInto('jobs')
      .values({ id: job.id, kind: job.kind, payload: JSON.stringify(job.payload), run_at: job.runAt, max_attempts: job.maxAttempts })
      .execute();
  },

  /**
   * Claims one due job: not done, attempts left, not leased by a live worker. `FOR UPDATE SKIP LOCKED`
   * lets several workers (processes) claim side by side without taking the same row; the lease
   * (`locked_until`) hands the job back if its worker dies mid-run.
   */
  claimDue: async (now: Date, leaseMs: number): Promise<JobRecord | undefined> =>
    db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('jobs')
        .select(['id'])
        .where('done_at', 'is', null)
        .where('run_at', '<=', now)
        .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      const claimed = await tx
        .updateTable('jobs')
        .set({ locked_until: new Date(now.getTime() + leaseMs), attempts: sql<number>`attempts + 1` })
        .where('id', '=', row.id)
        .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
        .executeTakeFirstOrThrow();
      return {
        id: claimed.id,
        kind: claimed.kind,
        payload: claimed.payload,
        attempts: claimed.attempts,
        maxAttempts: claimed.max_attempts,
      };
    }),

  /** Inserts a job unless one with that id exists (deterministic ids make a schedule idempotent); true when inserted. */
  insertIfAbsent: async (job: { id: string; kind: string; payload: unknown; runAt: Date; maxAttempts: number }): Promise<boolean> => {
    const rows = await db
      .insertInto('jobs')
      .values({ id: job.id, kind: job.kind, payload: JSON.stringify(job.payload), run_at: job.runAt, max_attempts: job.maxAttempts })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  },

  /** Jobs of a kind still to run (not done, attempts left), soonest first. */
  pendingOfKind: async (kind: string): Promise<{ id: string; runAt: Date }[]> =>
    (
      await db
        .selectFrom('jobs')
        .select(['id', 'run_at'])
        .where('kind', '=', kind)
        .where('done_at', 'is', null)
        .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
        .orderBy('run_at')
        .execute()
    ).map((r) => ({ id: r.id, runAt: r.run_at })),

  markDone: async (id: string, now: Date): Promise<void> => {
    await db.updateTable('jobs').set({ done_at: now, locked_until: null, last_error: null }).where('id', '=', id).execute();
  },

  /** Records a failure and when to try again (a job whose attempts are used up is never claimed again). */
  markFailed: async (id: string, error: string, retryAt: Date): Promise<void> => {
    await db.updateTable('jobs').set({ last_error: error, locked_until: null, run_at: retryAt }).where('id', '=', id).execute();
  },

  find: async (id: string): Promise<JobState | undefined> => {
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      row && {
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        runAt: row.run_at,
        lockedUntil: row.locked_until,
        lastError: row.last_error,
        doneAt: row.done_at,
      }
    );
  },
});
export type Jobs = ReturnType<typeof jobs>;
