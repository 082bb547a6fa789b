/**
 * Fresh databases for tests. PGlite: one migrated template data folder per migration chain (in the
 * OS temp folder), copied for each test — a copy is far faster than migrating. PostgreSQL: one
 * migrated template database per migration chain on the server at PATHWAYS_TEST_DATABASE_URL, and
 * for each test a database created from it with a random name, dropped on close.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

/**
 * Copies a data folder of some 1,250 files. The system's `cp -a` takes a tenth of the time Node's
 * recursive copy takes (about 0.1 s against 1–3 s), and tests open hundreds of databases; Node's copy
 * stands in where there is no `cp`.
 */
const copyFolder = async (from: string, to: string) => {
  try {
    await promisify(execFile)('cp', ['-a', `${from}/.`, to]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await cp(from, to, { recursive: true });
  }
};

const openTestPglite = async (): Promise<TestDatabase> => {
  const template = await pgliteTemplate();
  const dataDir = await mkdtemp(join(tmpdir(), 'pathways-test-'));
  await copyFolder(template, dataDir);
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

const databaseUrlOf = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Runs a statement that needs a database nobody is connected to. A pool's sockets close just after
 * its end() resolves: wait for them (up to 5 s) rather than killing live backends.
 */
const onceDisconnected = async (statement: () => Promise<unknown>) => {
  for (let attempt = 0; ; attempt++) {
    try {
      await statement();
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

let postgresTemplate: Promise<string> | undefined;

/**
 * The migrated template database for the current migration chain, built once per server and chain.
 * Test workers race to build it: an advisory lock lets one build while the others wait, and it is
 * built under another name and renamed when complete, so a half-built template is never copied.
 */
const postgresTemplateOf = (serverUrl: string): Promise<string> => {
  postgresTemplate ??= (async () => {
    const migrations = await readMigrations();
    const name = `pathways_template_${migrationsHash(migrations)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const database = await openDatabase({ databaseUrl: databaseUrlOf(serverUrl, building), mode: 'server', poolSize: 1 });
        try {
          await migrate(database.kysely, migrations);
        } finally {
          await database.close();
        }
        await onceDisconnected(() => admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
      }
      return name;
    } finally {
      await admin.end();
    }
  })();
  return postgresTemplate;
};

const openTestPostgres = async (): Promise<TestDatabase> => {
  const serverUrl = process.env.PATHWAYS_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('PATHWAYS_TEST_DATABASE_URL is not set');
  const template = await postgresTemplateOf(serverUrl);
  const name = `pathways_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // A file copy of a small template is several times quicker than the WAL-logged default (PostgreSQL 15+).
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: databaseUrlOf(serverUrl, name), mode: 'server', poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await onceDisconnected(() => dropper.query(`DROP DATABASE IF EXISTS ${name}`));
      } finally {
        await dropper.end();
      }
    },
  };
};
