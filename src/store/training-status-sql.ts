import { type RawBuilder, sql } from 'kysely';
import { expiryBands, statusWithoutExpiry, statusWithoutRecord, type TrainingStatusName } from '../domain/training/expiry.ts';

/**
 * The school view's training status as a SQL `CASE`, generated from the domain's rule
 * (domain/training/expiry.ts: `statusWithoutRecord`, `statusWithoutExpiry`, `expiryBands`) so the
 * classification lives in one place while counting, filtering and paging stay in the database.
 * Reads `r` (the latest completion, or NULL columns when there is none) and `k` (the kind).
 */
export const trainingStatusSql = (today: string, windowDays: number): RawBuilder<TrainingStatusName> => {
  const daysLeft = sql`(r.expires_on - ${today}::date)`;
  const bands = expiryBands(windowDays);
  const bounded = bands.filter((b) => Number.isFinite(b.daysLeftBelow));
  const otherwise = bands.find((b) => !Number.isFinite(b.daysLeftBelow))?.status ?? 'valid';
  const withoutRecord = Object.entries(statusWithoutRecord).map(
    ([appliesTo, status]) => sql`WHEN ${sql.lit(appliesTo)} THEN ${sql.lit(status)}`,
  );
  return sql<TrainingStatusName>`CASE
      WHEN r.id IS NULL THEN CASE k.applies_to ${sql.join(withoutRecord, sql` `)} END
      WHEN r.expires_on IS NULL THEN ${sql.lit(statusWithoutExpiry)}
      ${sql.join(
        bounded.map((b) => sql`WHEN ${daysLeft} < ${sql.lit(b.daysLeftBelow)} THEN ${sql.lit(b.status)}`),
        sql` `,
      )}
      ELSE ${sql.lit(otherwise)}
    END`;
};
