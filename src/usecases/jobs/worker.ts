import type { Kysely } from 'kysely';
import { type JobRecord, jobs } from '../../store/jobs.ts';
import type { Tables } from '../../store/tables.ts';
import type { JobKind, JobPayloads } from './queue.ts';

export type JobHandler<K extends JobKind> = (payload: JobPayloads[K], job: JobRecord) => Promise<void>;
export type JobHandlers = { [K in JobKind]?: JobHandler<K> };

export type WorkerOptions = {
  db: Kysely<Tables>;
  handlers: JobHandlers;
  clock?: () => Date;
  /** How long a claimed job is leased before another worker may take it over. */
  leaseMs?: number;
  pollMs?: number;
  /** First retry delay; doubled on each attempt. */
  backoffMs?: number;
  onError?: (error: unknown, job: JobRecord) => void;
};

export type JobWorker = {
  /** Runs due jobs until none is left; returns how many ran (succeeded or failed). For tests and the poll loop. */
  drain(): Promise<number>;
  /** Polls for due jobs until stopped. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
};

/** Exponential backoff: backoffMs, 2×, 4×… after the 1st, 2nd, 3rd failed attempt, capped at an hour. */
export const retryDelayMs = (attempts: number, backoffMs: number) => Math.min(backoffMs * 2 ** Math.max(0, attempts - 1), 3_600_000);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** A worker over the `jobs` table: claims due jobs one at a time, runs the handler of their kind, records the outcome. */
export const createJobWorker = (options: WorkerOptions): JobWorker => {
  const store = jobs(options.db);
  const clock = options.clock ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const backoffMs = options.backoffMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  const runOne = async (job: JobRecord) => {
    const handler = options.handlers[job.kind as JobKind] as JobHandler<JobKind> | undefined;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload as JobPayloads[JobKind], job);
      await store.markDone(job.id, clock());
    } catch (error) {
      options.onError?.(error, job);
      await store.markFailed(job.id, messageOf(error), new Date(clock().getTime() + retryDelayMs(job.attempts, backoffMs)));
    }
  };

  const drain = async (untilStopped: boolean) => {
    let count = 0;
    for (;;) {
      if (untilStopped && stopped) break;
      const job = await store.claimDue(clock(), leaseMs);
      if (!job) break;
      await runOne(job);
      count++;
    }
    return count;
  };

  const tick = () => {
    if (stopped || running) return;
    running = drain(true).finally(() => {
      running = undefined;
    });
    running.catch((error: unknown) => options.onError?.(error, { id: '', kind: '', payload: null, attempts: 0, maxAttempts: 0 }));
  };

  return {
    drain: () => drain(false),
    start: () => {
      stopped = false;
      tick();
      timer = setInterval(tick, options.pollMs ?? 1000);
      timer.unref();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
