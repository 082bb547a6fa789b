/**
 * Fresh databases for tests. PGlite: one migrated template data folder per migration chain (in the
 * OS temp folder), copied for each test — a copy is far faster than migrating. PostgreSQL: a fresh
 * database with a random name on the server at PATHWAYS_TEST_DATABASE_URL, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from './database.ts';
import { migrate, migrationsHash, readMigrations } from './migrate.ts';

/** The kinds every database test runs on: PGlite always, PostgreSQL when a server is configured (mandatory in CI). */
export const testDatabaseKinds = (env: Record<string, string | undefined> = process.env): DatabaseKind[] => {
  if (env.PATHWAYS_TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (env.PATHWAYS_REQUIRE_POSTGRES === '1') {
    throw new Error('PATHWAYS_REQUIRE_POSTGRES=1 but PATHWAYS_TEST_DATABASE_URL is not set: the PostgreSQL suite must run, not be skipped');
  }
  return ['pglite'];
};

export type TestDatabase = Database & {
  /** The PGlite data folder of this test database (pglite only). */
  dataDir?: string;
};

/** Opens a fresh, migrated database of the given kind; `close()` also deletes it. */
export const openTestDatabase = async (kind: DatabaseKind): Promise<TestDatabase> =>
  kind === 'pglite' ? openTestPglite() : openTestPostgres();

let templateDir: Promise<string> | undefined;

/** The migrated template for the current migration chain, built once (safe when several test workers race). */
export const pgliteTemplate = (): Promise<string> => {
  templateDir ??= (async () => {
    const migrations = await readMigrations();
    const dir = join(tmpdir(), `pathways-template-${migrationsHash(migrations)}`);
    if (existsSync(join(dir, 'pglite', 'PG_VERSION'))) return dir;
    const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ dataDir: building, mode: 'server' });
    try {
      await migrate(database.kysely, migrations);
    } finally {
      await database.close();
    }
    try {
      await rename(building, dir);
    } catch {
      // Another worker finished first; its template is as good as ours.
      await rm(building, { recursive: true, force: true });
    }
    return dir;
  })();
  return templateDir;
};

const openTestPglite = async (): Promise<TestDatabase> => {
  const template = await pgliteTemplate();
  const dataDir = await mkdtemp(join(tmpdir(), 'pathways-test-'));
  await cp(template, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir, mode: 'server' });
  return {
    ...database,
    dataDir,
    close: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

const openTestPostgres = async (): Promise<TestDatabase> => {
  const serverUrl = process.env.PATHWAYS_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('PATHWAYS_TEST_DATABASE_URL is not set');
  const name = `pathways_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), mode: 'server', poolSize: 4 });
  await migrate(database.kysely);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        // The pool's sockets close just after end() resolves: wait for them rather than killing live backends.
        for (let attempt = 0; ; attempt++) {
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (error) {
            if (attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await dropper.end();
      }
    },
  };
};
