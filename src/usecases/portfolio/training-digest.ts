import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { jobs } from '../../store/jobs.ts';
import type { Tables } from '../../store/tables.ts';
import { type TrainingKind, training } from '../../store/training.ts';
import { holdTransactionLock } from '../../store/transaction-locks.ts';
import { sendOverdueReviewDigests } from '../jobs/overdue-reviews-digest.ts';
import { defaultMaxAttempts } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { sendMail } from '../mail/send-mail.ts';
import { rowsOf, todayOf } from './training.ts';
import { ensureTrainingKinds } from './training-kinds.ts';

/** When the weekly digest goes out: Mondays at 07:00 UTC, before the school day. */
export const digestSchedule = { weekday: 1, hourUtc: 7 } as const;

/** The digest's warning window: who expires within this many days. */
export const digestWindowDays = 30;

const jobKind = 'training.digest';

/** The first digest time strictly after `now`. */
export const nextDigestRun = (now: Date): Date => {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestSchedule.hourUtc));
  at.setUTCDate(at.getUTCDate() + ((digestSchedule.weekday - at.getUTCDay() + 7) % 7));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 7);
  return at;
};

/**
 * The job id of the digest due at `runAt`: derived from the time, so every server (and a retried
 * run) that schedules the same week's digest names the same row, and the primary key keeps one.
 */
export const digestJobId = (runAt: Date): string => {
  const hex = createHash('sha256').update(`${jobKind}@${runAt.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * Makes sure exactly one digest is waiting to run (at server start). Two servers starting together
 * are serialised by a transaction-scoped advisory lock, and even without it would compute the same
 * deterministic job id; an existing pending digest (say, overdue while the server was down) is left
 * to run rather than joined by a second chain.
 */
export const ensureTrainingDigestScheduled = async (db: Kysely<Tables>, clock: () => Date): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    await holdTransactionLock(trx, `pathways:${jobKind}`);
    if ((await jobs(trx).pendingOfKind(jobKind)).length > 0) return;
    const runAt = nextDigestRun(clock());
    await jobs(trx).insertIfAbsent({ id: digestJobId(runAt), kind: jobKind, payload: {}, runAt, maxAttempts: defaultMaxAttempts });
  });
};

type DigestLine = { name: string; kind: string; date: string };

/** The email text for one school, or undefined when there is nothing to report. */
export const digestMessage = (
  school: { id: string; name: string },
  kinds: TrainingKind[],
  rows: ReturnType<typeof rowsOf>,
  publicUrl: string | undefined,
): { subject: string; text: string } | undefined => {
  const title = new Map(kinds.map((k) => [k.id, k.title]));
  const expired: DigestLine[] = [];
  const expiring: DigestLine[] = [];
  for (const row of rows)
    for (const [kindId, cell] of Object.entries(row.cells)) {
      const line = { name: row.name, kind: title.get(kindId) ?? kindId, date: cell.expiresOn ?? '' };
      if (cell.status === 'expired') expired.push(line);
      if (cell.status === 'expiring') expiring.push(line);
    }
  if (expired.length === 0 && expiring.length === 0) return undefined;
  const list = (lines: DigestLine[], verb: string) => lines.map((l) => `- ${l.name}: ${l.kind} (${verb} ${l.date})`).join('\n');
  const path = `/organisations/${school.id}/training`;
  const link = publicUrl ? new URL(path, publicUrl).toString() : path;
  const sections = [
    expired.length > 0 ? `Out of date (${expired.length}):\n${list(expired, 'expired')}` : '',
    expiring.length > 0 ? `Expiring within ${digestWindowDays} days (${expiring.length}):\n${list(expiring, 'expires')}` : '',
  ].filter(Boolean);
  return {
    subject: `Mandatory training at ${school.name}: ${expired.length} out of date, ${expiring.length} expiring within ${digestWindowDays} days`,
    text: `${sections.join('\n\n')}\n\nSee the school's training: ${link}\n\nYou receive this weekly digest as a school administrator in Pathways.`,
  };
};

/**
 * The `training.digest` job: for each school of each trust, one email to each of its school admins
 * (enabled accounts) listing who is out of date and who expires within 30 days; nothing due, no
 * email. Then one email to each account responsible for apprentices whose progress review is
 * overdue (src/usecases/jobs/overdue-reviews-digest.ts). Then it schedules next week's digest, in
 * the same transaction as the mail.
 */
export const trainingDigestHandler = (deps: {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  config: Config;
  demo: boolean;
  clock: () => Date;
  /** The catalogue as it is when the digest runs (programme titles). */
  catalogue: () => Catalogue;
}): JobHandler<'training.digest'> => {
  return async () => {
    const now = deps.clock();
    const today = todayOf(deps.clock);
    await deps.db.transaction().execute(async (trx) => {
      const store = training(trx);
      for (const trustId of await store.trustIds()) {
        const kinds = await ensureTrainingKinds(trx, trustId, { auditKey: deps.auditKey });
        for (const school of await store.schoolsOf(trustId)) {
          const cells = await store.peopleWith({ trustId, organisationId: school.schoolId }, today, digestWindowDays, {
            statuses: ['expired', 'expiring'],
            limit: 1000,
          });
          const message = digestMessage({ id: school.schoolId, name: school.name }, kinds, rowsOf(cells), deps.config.publicUrl);
          if (!message) continue;
          for (const admin of await store.schoolAdmins(trustId, school.schoolId))
            await sendMail({ db: trx, config: deps.config, demo: deps.demo, clock: deps.clock }, { trustId, to: admin.email, ...message });
        }
      }
      await sendOverdueReviewDigests(
        { db: trx, clock: deps.clock, catalogue: deps.catalogue(), config: deps.config, demo: deps.demo },
        await store.trustIds(),
      );
      const runAt = nextDigestRun(now);
      await jobs(trx).insertIfAbsent({ id: digestJobId(runAt), kind: jobKind, payload: {}, runAt, maxAttempts: defaultMaxAttempts });
    });
  };
};
