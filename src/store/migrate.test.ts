import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { checkMigration, migrate, readMigrations } from './migrate.ts';
import { openTestDatabase, testDatabaseKinds } from './testing.ts';

describe('migration files', () => {
  it('are named by time and intent and add only', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) expect(checkMigration(migration)).toEqual([]);
  });

  it.each([
    ['DROP TABLE people;', 'DROP TABLE'],
    ['ALTER TABLE people DROP COLUMN job_title;', 'DROP COLUMN'],
    ['truncate audit_events;', 'truncate'],
  ])('refuses a destructive statement: %s', (statement, found) => {
    const problems = checkMigration({ name: '20261201_1200_bad.sql', sql: `-- a comment\n${statement}` });
    expect(problems.join('\n')).toContain(found);
  });

  it('ignores destructive words in comments and refuses a badly named file', () => {
    expect(checkMigration({ name: '20261201_1200_ok.sql', sql: '-- we never DROP TABLE here\nCREATE TABLE x (id int);' })).toEqual([]);
    expect(checkMigration({ name: 'initial.sql', sql: '' })).toHaveLength(1);
  });
});

describe.each(testDatabaseKinds())('migrating a fresh %s database', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('replays the whole chain, records it, and is a no-op the second time', async () => {
    let database: Awaited<ReturnType<typeof openDatabase>>;
    if (kind === 'pglite') {
      const dataDir = await mkdtemp(join(tmpdir(), 'pathways-migrate-'));
      database = await openDatabase({ dataDir, mode: 'server' });
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      cleanups.push(() => database.close());
      const migrations = await readMigrations();
      expect(await migrate(database.kysely)).toEqual(migrations.map((m) => m.name));
    } else {
      // The test helper creates a fresh database and migrates it; replaying must then change nothing.
      database = await openTestDatabase(kind);
      cleanups.push(() => database.close());
    }
    expect(await migrate(database.kysely)).toEqual([]);
    const recorded = await database.kysely.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(recorded.map((r) => r.name)).toEqual((await readMigrations()).map((m) => m.name));
    const tables = await sql<{
      table_name: string;
    }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(database.kysely);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['organisations', 'people', 'user_accounts', 'role_assignments', 'imported_frameworks', 'audit_events']),
    );
  });
});
