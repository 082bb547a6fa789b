import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { lockFileOf, readLock } from '../store/lock.ts';
import { migrate } from '../store/migrate.ts';
import { organisations } from '../store/organisations.ts';
import { farCellWorkbook, zipBombWorkbook } from '../testing/hostile-spreadsheets.ts';
import { staffImportFixture } from '../testing/staff-import.ts';

const run = promisify(execFile);
/** The real entry point, on Node 24 (process.execPath), as `npx pathways` runs it. */
const mainPath = fileURLToPath(new URL('./main.ts', import.meta.url));

let dir: string;
let ids: { trust: string; school: string; other: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pathways-cli-import-'));
  const database = await openDatabase({ dataDir: join(dir, 'data'), mode: 'server' });
  try {
    await migrate(database.kysely);
    ids = await staffImportFixture(organisations(database.kysely));
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Without cli-table3's terminal colours. */
const plain = (text: string) => stripVTControlCharacters(text);

const env = () => ({
  ...process.env,
  PATHWAYS_DATA_DIR: join(dir, 'data'),
  DATABASE_URL: '',
  PATHWAYS_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
});
const cwd = fileURLToPath(new URL('../..', import.meta.url));

const pathways = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--no-warnings', mainPath, ...args], { env: env(), cwd });
    return { code: 0, stdout: plain(stdout), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: plain(e.stdout), stderr: e.stderr };
  }
};

const file = async (name: string, lines: string[]) => {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
};
const HEADER = 'Staff Code,Legal Surname,Preferred Forename,Work Email,Role';

/** A CLI command left running, with what it writes and how it ends. */
const started = (...args: string[]) => {
  const child = spawn(process.execPath, ['--no-warnings', mainPath, ...args], { env: env(), cwd });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
};

const waitFor = async (what: string, condition: () => boolean, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Whether the process has a TCP connection to the loopback port (Linux: its socket inodes in /proc/net/tcp). */
const connectedTo = (pid: number, port: number) => {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`)
        .map((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .flatMap((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []),
    );
  } catch {
    return false;
  }
  const remote = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .some((line) => {
      const columns = line.trim().split(/\s+/);
      return columns[2]?.endsWith(remote) === true && columns[3] === '01' && inodes.has(columns[9] ?? '');
    });
};

const manyStaff = (prefix: string, n: number) =>
  file(`${prefix}.csv`, [
    HEADER,
    ...Array.from({ length: n }, (_, i) => `${prefix}${i},Surname${i},Name${i},${prefix}${i}@school.example,TA2`),
  ]);

describe('pathways import staff (child process)', () => {
  it('reports each bad row with its column and reason and exits non-zero', async () => {
    const bad = await file('bad.csv', [HEADER, 'A1,Clarke,Amy,not-an-email,LSA', 'A2,,Ben,ben@school.example,TA1']);
    const { code, stdout, stderr } = await pathways('import', 'staff', '--school', '100001', bad, '--format', 'table');
    expect(code).toBe(65);
    expect(stdout).toMatch(/│ 2 +│ Work Email +│ "not-an-email" is not an email address/);
    expect(stdout).toMatch(/│ 3 +│ Legal Surname +│ is required but empty/);
    expect(stdout).toMatch(/--map "word=ROLE_ID".*LSA/);
    expect(stderr).toMatch(/nothing was imported/);
    const dry = await pathways(
      'import',
      'staff',
      '--school',
      '100001',
      await file('ok.csv', [HEADER, 'A1,Clarke,Amy,amy@school.example,TA2']),
      '--dry-run',
      '--format',
      'json',
    );
    expect(JSON.parse(dry.stdout).summary).toMatchObject({ create: 1, update: 0 });
  });

  it('imports with --map, then re-imports the same file without changes', async () => {
    const good = await file('good.csv', [
      HEADER,
      'A1,Clarke,Amy,amy@school.example,LSA',
      'A2,Okafor,Ben,ben@school.example,Midday supervisor',
    ]);
    const first = await pathways(
      'import',
      'staff',
      '--school',
      ids.school,
      good,
      '--map',
      'LSA=TA2',
      '--map',
      'Midday supervisor=',
      '--format',
      'json',
    );
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ created: 2, updated: 0, unchanged: 0, left: 0 });
    // The mapping is remembered: no --map needed the second time.
    const second = await pathways('import', 'staff', '--school', '100001', good, '--format', 'json');
    expect(JSON.parse(second.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, left: 0 });
  });

  it('refuses an unknown school', async () => {
    const { code, stderr } = await pathways('import', 'staff', '--school', '999999', join(dir, 'good.csv'));
    expect(code).toBe(66);
    expect(stderr).toMatch(/No school with id or URN "999999"/);
  });

  it('remembers --map choices for the school, from a dry run or a file with problems too', async () => {
    const withProblem = await file('cover-bad.csv', [HEADER, 'C1,Cole,Cara,not-an-email,Cover supervisor']);
    const refused = await pathways(
      'import',
      'staff',
      '--school',
      '100001',
      withProblem,
      '--map',
      'Cover supervisor=TA1',
      '--format',
      'json',
    );
    expect(refused.code).toBe(65);
    expect(JSON.parse(refused.stdout).unmappedRoleValues).toEqual([]);
    // The file is fixed; no --map this time.
    const fixed = await file('cover.csv', [HEADER, 'C1,Cole,Cara,cara@school.example,Cover supervisor']);
    const dry = await pathways('import', 'staff', '--school', '100001', fixed, '--dry-run', '--format', 'json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).summary).toMatchObject({ create: 1 });
    // A dry run remembers as well, and a later choice replaces an earlier one.
    const second = await file('exam.csv', [HEADER, 'E1,Ezra,Eve,eve@school.example,Exam invigilator']);
    await pathways('import', 'staff', '--school', '100001', second, '--dry-run', '--map', 'Exam invigilator=TA1', '--format', 'json');
    await pathways('import', 'staff', '--school', '100001', second, '--dry-run', '--map', 'Exam invigilator=', '--format', 'json');
    const imported = await pathways('import', 'staff', '--school', '100001', second, '--format', 'json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1 });
    const database = await openDatabase({ dataDir: join(dir, 'data'), mode: 'client' });
    try {
      const eve = await database.kysely.selectFrom('people').select('graded_role').where('staff_code', '=', 'E1').executeTakeFirstOrThrow();
      expect(eve.graded_role).toBeNull();
      const events = await database.kysely
        .selectFrom('audit_events')
        .select('data')
        .where('action', '=', 'organisation.roleValuesRemembered')
        .execute();
      expect(events.map((e) => e.data)).toContainEqual({ before: { 'exam invigilator': 'TA1' }, after: { 'exam invigilator': null } });
    } finally {
      await database.close();
    }
  }, 180_000);

  it('refuses a --map to a role the framework does not have', async () => {
    const { code, stderr } = await pathways(
      'import',
      'staff',
      '--school',
      '100001',
      join(dir, 'cover.csv'),
      '--map',
      'Cover supervisor=WIZARD',
    );
    expect(code).toBe(65);
    expect(stderr).toMatch(/"WIZARD" is not a role of the framework/);
  });

  it('refuses hostile workbooks promptly, naming the file and the limit', async () => {
    const far = join(dir, 'far.xlsx');
    const bomb = join(dir, 'bomb.xlsx');
    await writeFile(far, farCellWorkbook());
    await writeFile(bomb, zipBombWorkbook(420, 'lie'));
    const farResult = await pathways('import', 'staff', '--school', '100001', far);
    expect(farResult.code).toBe(65);
    expect(farResult.stderr).toMatch(/far\.xlsx: the sheet declares 1,048,576 rows; the import takes at most 20,000/);
    const bombResult = await pathways('import', 'staff', '--school', '100001', bomb);
    expect(bombResult.code).toBe(65);
    expect(bombResult.stderr).toMatch(/bomb\.xlsx: the workbook unpacks to more than 64 MB/);
  }, 180_000);

  it('stops on SIGTERM during an import', async () => {
    const big = await manyStaff('T', 3000);
    const cli = started('import', 'staff', '--school', '100001', big, '--format', 'json');
    // Once it holds the data folder, it is reading the file or writing people.
    await waitFor('the import to open the database', () => {
      const lock = readLock(lockFileOf(join(dir, 'data')));
      return lock?.pid === cli.child.pid && lock?.port !== null;
    });
    await new Promise((r) => setTimeout(r, 1000));
    cli.child.kill('SIGTERM');
    const ended = await Promise.race([cli.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    if (ended === 'still running') cli.child.kill('SIGKILL');
    expect(ended).toMatchObject({ code: 143 });
    expect(cli.output.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);

  // Last: it leaves the data folder as a killed server leaves it.
  it('says in one line that the server went away, with a non-zero exit code and no stack trace', async () => {
    // A server holding the data folder, as `pathways serve` does, without the web application.
    const holder = join(dir, 'hold-server.mjs');
    await writeFile(
      holder,
      `const { openDatabase } = await import(${JSON.stringify(new URL('../store/database.ts', import.meta.url).href)});
       await openDatabase({ dataDir: process.env.PATHWAYS_DATA_DIR, mode: 'server' });
       setInterval(() => {}, 1000);`,
    );
    const server = spawn(process.execPath, ['--no-warnings', holder], { env: env(), cwd, stdio: 'ignore' });
    try {
      const dataDir = join(dir, 'data');
      await waitFor('the server to listen', () => {
        const lock = readLock(lockFileOf(dataDir));
        return lock?.pid === server.pid && lock?.port !== null;
      });
      const port = readLock(lockFileOf(dataDir))?.port ?? 0;
      const big = await manyStaff('G', 3000);
      const cli = started('import', 'staff', '--school', '100001', big, '--format', 'json');
      await waitFor('the import to connect to the server', () => cli.child.pid !== undefined && connectedTo(cli.child.pid, port));
      await new Promise((r) => setTimeout(r, 1000));
      server.kill('SIGKILL');
      const { code } = await cli.exited;
      expect(cli.output.stderr.trim().split('\n')).toEqual([
        'Error: lost the connection to the database (did the Pathways server stop?); the command did not finish. Run it again once the database is back.',
      ]);
      expect(code).toBe(69);
    } finally {
      server.kill('SIGKILL');
    }
  }, 180_000);
});
