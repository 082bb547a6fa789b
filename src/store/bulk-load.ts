import { once } from 'node:events';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../contracts/errors.ts';
import { copyLine } from './bulk-load-encoding.ts';
import type { Database } from './database.ts';
import type { Tables } from './tables.ts';

/**
 * The columns a bulk load writes, per table (the rest take their defaults). The store owns the SQL,
 * so the columns are named here; rows are plain objects keyed by these names.
 */
export const BULK_COLUMNS = {
  organisations: ['id', 'trust_id', 'kind', 'name', 'phase', 'nation', 'urn', 'parent_id', 'created_at'],
  people: [
    'id',
    'trust_id',
    'organisation_id',
    'given_name',
    'family_name',
    'work_email',
    'staff_code',
    'graded_role',
    'job_title',
    'line_manager_id',
    'hours_per_week',
    'weeks_per_year',
    'start_date',
    'created_at',
    'updated_at',
  ],
  user_accounts: ['id', 'trust_id', 'person_id', 'email', 'password_hash', 'is_demo', 'created_at'],
  role_assignments: ['id', 'trust_id', 'user_id', 'role', 'organisation_id', 'headteacher'],
  training_kinds: ['id', 'trust_id', 'code', 'title', 'validity_months', 'applies_to', 'position'],
  achievements: ['id', 'trust_id', 'person_id', 'kind', 'details', 'achieved_on', 'recorded_by', 'recorded_at', 'status_kind'],
  evidence_items: [
    'id',
    'trust_id',
    'person_id',
    'kind',
    'title',
    'occurred_on',
    'body',
    'status',
    'created_by',
    'created_at',
    'updated_at',
    'submitted_at',
    'decided_at',
  ],
  evidence_claims: ['id', 'trust_id', 'evidence_id', 'item_code', 'status', 'feedback', 'decided_by', 'decided_at'],
  judgements: ['id', 'trust_id', 'person_id', 'item_code', 'value', 'source', 'evidence_id', 'note', 'judged_by', 'judged_at'],
  cpd_activities: [
    'id',
    'trust_id',
    'person_id',
    'status',
    'title',
    'provider',
    'kind',
    'occurred_on',
    'minutes',
    'item_codes',
    'reflection',
    'created_by',
    'created_at',
    'updated_at',
  ],
  training_records: ['id', 'trust_id', 'person_id', 'kind_id', 'completed_on', 'expires_on', 'provider', 'recorded_by', 'recorded_at'],
  duty_profiles: [
    'id',
    'trust_id',
    'person_id',
    'current_role',
    'answers',
    'status',
    'recorded_by',
    'confirmed_by',
    'recorded_at',
    'confirmed_at',
  ],
  enrolments: [
    'id',
    'trust_id',
    'person_id',
    'employer_id',
    'provider_id',
    'programme',
    'option_code',
    'start_date',
    'planned_end_date',
    'contracted_hours_per_week',
    'age_at_start',
    'status',
    'employer_confirmed_by',
    'employer_confirmed_at',
    'provider_confirmed_by',
    'provider_confirmed_at',
    'created_by',
    'created_at',
    'updated_at',
  ],
  enrolment_status_changes: [
    'id',
    'trust_id',
    'enrolment_id',
    'status',
    'effective_from',
    'effective_to',
    'grade',
    'reason',
    'recorded_by',
    'recorded_at',
  ],
} as const satisfies Partial<Record<keyof Tables | 'duty_profiles', readonly string[]>>;

export type BulkTable = keyof typeof BULK_COLUMNS;

/** Rows for one table, keyed by its bulk columns. */
export type BulkBatch = { table: BulkTable; rows: readonly object[] };

/** Told how long one table's rows took to write. */
export type BatchTimer = (table: BulkTable, rows: number, seconds: number) => void;

export type BulkLoader = {
  /** How rows reach the database: COPY FROM STDIN (PostgreSQL) or multi-row INSERTs (the embedded database). */
  method: 'copy' | 'insert';
  /** Writes the batches, in order, in one transaction: all of them or none. `timed` hears each batch's write time. */
  load(batches: readonly BulkBatch[], timed?: BatchTimer): Promise<void>;
  close(): Promise<void>;
};

/** PostgreSQL allows 65,535 bind parameters in one statement; stay well below. */
const MAX_PARAMETERS = 30_000;
/** COPY data is written to the socket in pieces of about this many characters. */
const COPY_PIECE = 256 * 1024;

const quoted = (name: string) => `"${name}"`;

const failure = (table: string, error: unknown) =>
  new AppError('internal', `Bulk loading ${table} failed: ${error instanceof Error ? error.message : String(error)}`, [
    { where: table, reason: error instanceof Error ? error.message : String(error) },
  ]);

/** COPY through a connection of its own (the pool's connections are not exposed as streams). */
const copyLoader = async (connectionString: string): Promise<BulkLoader> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  client.on('error', () => undefined);
  const copyInto = async (batch: BulkBatch) => {
    const columns = BULK_COLUMNS[batch.table];
    const stream = client.query(copyFrom(`COPY ${quoted(batch.table)} (${columns.map(quoted).join(', ')}) FROM STDIN`));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let piece = '';
    for (const row of batch.rows) {
      piece += copyLine(row as Record<string, unknown>, columns);
      if (piece.length >= COPY_PIECE) {
        if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), finished]);
        piece = '';
      }
    }
    stream.end(piece);
    await finished;
  };
  return {
    method: 'copy',
    load: async (batches, timed) => {
      await client.query('BEGIN');
      let table = '';
      try {
        for (const batch of batches) {
          table = batch.table;
          if (batch.rows.length === 0) continue;
          const started = performance.now();
          await copyInto(batch);
          timed?.(batch.table, batch.rows.length, (performance.now() - started) / 1000);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw failure(table, error);
      }
    },
    close: () => client.end(),
  };
};

/** Multi-row INSERTs in one transaction (the embedded server cannot take COPY FROM STDIN; see the report in bulk-load.test.ts). */
const insertLoader = (kysely: Kysely<Tables>): BulkLoader => ({
  method: 'insert',
  load: async (batches, timed) => {
    let table = '';
    try {
      await kysely.transaction().execute(async (trx) => {
        for (const batch of batches) {
          table = batch.table;
          const columns = BULK_COLUMNS[batch.table];
          const started = performance.now();
          const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
          for (let at = 0; at < batch.rows.length; at += perStatement) {
            const slice = batch.rows.slice(at, at + perStatement);
            const parameters: unknown[] = [];
            const tuples = slice.map((row) => {
              const record = row as Record<string, unknown>;
              const placeholders = columns.map((column) => {
                const value = record[column];
                // jsonb values go as JSON text (the driver would write a JS array as a PostgreSQL array).
                parameters.push(
                  value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
                    ? JSON.stringify(value)
                    : (value ?? null),
                );
                return `$${parameters.length}`;
              });
              return `(${placeholders.join(', ')})`;
            });
            const text = `INSERT INTO ${quoted(batch.table)} (${columns.map(quoted).join(', ')}) VALUES ${tuples.join(', ')}`;
            await trx.executeQuery(CompiledQuery.raw(text, parameters));
          }
          if (batch.rows.length > 0) timed?.(batch.table, batch.rows.length, (performance.now() - started) / 1000);
        }
      });
    } catch (error) {
      throw failure(table, error);
    }
  },
  close: async () => undefined,
});

/** A bulk loader for the database: COPY on PostgreSQL, batched INSERTs on the embedded database. */
export const openBulkLoader = async (database: Pick<Database, 'kind' | 'kysely' | 'connectionString'>): Promise<BulkLoader> =>
  database.kind === 'postgres' && database.connectionString ? copyLoader(database.connectionString) : insertLoader(database.kysely);
