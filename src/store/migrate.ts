import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../contracts/errors.ts';
import type { Tables } from './tables.ts';

/** The forward-only SQL migrations, shared by PGlite and PostgreSQL. */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export type Migration = { name: string; sql: string };

const NAME = /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/;

/** Statements a forward-only migration may not contain: they lose data that a rollback of the code would need. */
const DESTRUCTIVE = [/\bDROP\s+TABLE\b/i, /\bDROP\s+COLUMN\b/i, /^\s*TRUNCATE\b/im, /\bDROP\s+SCHEMA\b/i, /\bDROP\s+DATABASE\b/i];

const withoutComments = (text: string) => text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

/** Why a migration would be refused, if it would: a bad name or a destructive statement. */
export const checkMigration = (migration: Migration): string[] => {
  const problems: string[] = [];
  if (!NAME.test(migration.name)) problems.push('its name must look like 20261122_1930_what_it_does.sql');
  const body = withoutComments(migration.sql);
  for (const pattern of DESTRUCTIVE) {
    const found = body.match(pattern);
    if (found) problems.push(`it contains the destructive statement "${found[0]}"; migrations only add`);
  }
  return problems;
};

/** Reads every migration file in name (that is, time) order and refuses the chain if any is malformed or destructive. */
export const readMigrations = async (dir: string = migrationsDir): Promise<Migration[]> => {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const migrations = await Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(dir, name), 'utf8') })));
  const details = migrations.flatMap((m) => checkMigration(m).map((reason) => ({ where: join(dir, m.name), reason })));
  if (details.length > 0) throw new AppError('config_invalid', 'A database migration was refused', details);
  return migrations;
};

/** A fingerprint of the migration chain, so a migrated template database can be reused while it is current. */
export const migrationsHash = (migrations: readonly Migration[]) => {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(m.name).update('\0').update(m.sql).update('\0');
  return hash.digest('hex').slice(0, 16);
};

/** Any number from the name will do, as long as every Pathways process uses the same one. */
const MIGRATION_LOCK_KEY = 7_261_122;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, each in its own
 * transaction. Concurrent starts against one PostgreSQL serialize on an advisory lock.
 * Returns the names applied.
 */
export const migrate = async (db: Kysely<Tables>, migrations?: readonly Migration[]): Promise<string[]> => {
  const chain = migrations ?? (await readMigrations());
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const migration of chain) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const existing = await trx.selectFrom('schema_migrations').select('name').where('name', '=', migration.name).executeTakeFirst();
      if (existing) return false;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: migration.name }).execute();
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
};
