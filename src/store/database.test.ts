import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../contracts/errors.ts';
import { openDatabase, serverHolding } from './database.ts';
import { lockFileOf, readLock } from './lock.ts';
import { pgliteTemplate } from './testing.ts';

const dirs: string[] = [];
const freshDataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pathways-lock-'));
  dirs.push(dir);
  await cp(await pgliteTemplate(), dir, { recursive: true });
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  it('refuses a second server with "already in use by PID", and lets a CLI command share the running one', async () => {
    const dataDir = await freshDataDir();
    const server = await openDatabase({ dataDir, mode: 'server' });
    try {
      expect(readLock(lockFileOf(dataDir))).toMatchObject({ pid: process.pid, mode: 'server', port: expect.any(Number) });
      const refused = await openDatabase({ dataDir, mode: 'server' }).catch((error: unknown) => error);
      expect(isAppError(refused) && refused.code).toBe('database_in_use');
      expect(String((refused as Error).message)).toContain(`already in use by PID ${process.pid}`);

      await sql`CREATE TABLE shared (x int)`.execute(server.kysely);
      await sql`INSERT INTO shared VALUES (1)`.execute(server.kysely);
      const client = await openDatabase({ dataDir, mode: 'client' });
      try {
        const seen = await sql<{ x: number }>`SELECT x FROM shared`.execute(client.kysely);
        expect(seen.rows).toEqual([{ x: 1 }]);
        await sql`INSERT INTO shared VALUES (2)`.execute(client.kysely);
      } finally {
        await client.close();
      }
      expect(serverHolding(dataDir)?.pid).toBe(process.pid);
      const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM shared`.execute(server.kysely);
      expect(after.rows[0]?.n).toBe(2);
    } finally {
      await server.close();
    }
    expect(readLock(lockFileOf(dataDir))).toBeUndefined();
  });

  it('keeps transactions of two connections apart', async () => {
    const dataDir = await freshDataDir();
    const server = await openDatabase({ dataDir, mode: 'server' });
    const client = await openDatabase({ dataDir, mode: 'client' });
    try {
      await sql`CREATE TABLE t (x int)`.execute(server.kysely);
      let other: Promise<unknown> = Promise.resolve();
      await server.kysely
        .transaction()
        .execute(async (trx) => {
          await sql`INSERT INTO t VALUES (1)`.execute(trx);
          other = sql`SELECT count(*)::int AS n FROM t`.execute(client.kysely);
          await new Promise((r) => setTimeout(r, 50));
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(((await other) as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('takes over a stale lock left by a dead process; a CLI command alone takes the lock itself', async () => {
    const dataDir = await freshDataDir();
    writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), port: 1, startedAt: new Date().toISOString(), mode: 'server' }),
    );
    const cli = await openDatabase({ dataDir, mode: 'client' });
    expect(readLock(lockFileOf(dataDir))).toMatchObject({ pid: process.pid, mode: 'client' });
    const refused = await openDatabase({ dataDir, mode: 'server' }).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('database_in_use');
    await cli.close();
    expect(readLock(lockFileOf(dataDir))).toBeUndefined();
  });

  it('works beside a real server process started from the command line', async () => {
    const dataDir = await freshDataDir();
    const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    try {
      const deadline = Date.now() + 45_000;
      while (!output.includes('listening on') && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('listening on');
      expect(serverHolding(dataDir)?.pid).toBe(child.pid);

      const refused = await openDatabase({ dataDir, mode: 'server' }).catch((error: unknown) => error);
      expect(String((refused as Error).message)).toContain(`already in use by PID ${child.pid}`);

      const cli = await openDatabase({ dataDir, mode: 'client' });
      try {
        const demo = await cli.kysely.selectFrom('organisations').select('name').where('kind', '=', 'trust').execute();
        expect(demo.map((o) => o.name)).toEqual(['Riverside Learning Trust (demo)']);
      } finally {
        await cli.close();
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(readLock(lockFileOf(dataDir))).toBeUndefined();
  }, 60_000);
});
