import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { organisations } from '../store/organisations.ts';
import { staffImportFixture } from '../usecases/staff-import/testing.ts';

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

const pathways = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--no-warnings', mainPath, ...args], {
      env: {
        ...process.env,
        PATHWAYS_DATA_DIR: join(dir, 'data'),
        DATABASE_URL: '',
        PATHWAYS_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      },
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
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
});
