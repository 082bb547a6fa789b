import type { Kysely } from 'kysely';
import { jobs } from '../../store/jobs.ts';
import type { Tables } from '../../store/tables.ts';

/** Kinds of background work and their payloads. */
export type JobPayloads = {
  'mail.send': { messageId: string };
  /** The weekly mandatory-training digest to school admins (reschedules itself). */
  'training.digest': Record<string, never>;
  /** Used by tests and health checks: does nothing. */
  noop: Record<string, never>;
};
export type JobKind = keyof JobPayloads;

export const defaultMaxAttempts = 5;

/**
 * Queues background work inside the caller's transaction (`db` may be a transaction), so the job
 * exists exactly when the change that asked for it is committed, and survives a restart.
 */
export const enqueue = async <K extends JobKind>(
  db: Kysely<Tables>,
  kind: K,
  payload: JobPayloads[K],
  options: { runAt?: Date; maxAttempts?: number; now?: Date } = {},
): Promise<string> => {
  const id = crypto.randomUUID();
  await jobs(db).insert({
    id,
    kind,
    payload,
    runAt: options.runAt ?? options.now ?? new Date(),
    maxAttempts: options.maxAttempts ?? defaultMaxAttempts,
  });
  return id;
};
