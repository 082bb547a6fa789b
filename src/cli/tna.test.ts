import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingNeedsJson } from '../contracts/api/insight-training-needs.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { seedTrainingNeeds, type TrainingNeedsFixture } from '../testing/training-needs.ts';
import { type SeededTrust, seedTwoTrusts } from '../testing/two-trusts.ts';

const run = promisify(execFile);
/** The real entry point, on Node 24 (process.execPath), as `npx pathways` runs it. */
const mainPath = fileURLToPath(new URL('./main.ts', import.meta.url));
const cwd = fileURLToPath(new URL('../..', import.meta.url));

type Need = { code: string | null; label: string; lacking: number; bySchool: { name: string; lacking: number }[] };

/** The ranking as [code or label start, total, by school] for the first needs. */
const top = (needs: Need[], n: number) =>
  needs.slice(0, n).map((need) => [need.code ?? need.label.slice(0, 23), need.lacking, need.bySchool.map((s) => [s.name, s.lacking])]);

/** A cli-table3 table's rows, each cell's wrapped lines joined again (the table is the last thing printed). */
const tableRows = (text: string): string[][] => {
  const rows: string[][] = [];
  let continues = false;
  for (const line of text.split('\n')) {
    const cells = line.startsWith('│')
      ? line
          .split('│')
          .slice(1, -1)
          .map((c) => c.trim())
      : undefined;
    const last = rows.at(-1);
    if (cells && continues && last) for (const [i, c] of cells.entries()) last[i] = [last[i], c].filter(Boolean).join(' ');
    else if (cells) rows.push(cells);
    continues = cells !== undefined;
  }
  return rows;
};

describe.each(testDatabaseKinds())('pathways tna on %s', (kind) => {
  let database: TestDatabase;
  let own: SeededTrust;
  let other: SeededTrust;
  let fixture: TrainingNeedsFixture;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own, other } = await seedTwoTrusts(database.kysely));
    fixture = await seedTrainingNeeds(database.kysely, own);
  }, 60_000);
  afterAll(() => database.close());

  /** The command in a process of its own, reaching the test database (PGlite through the test's own server socket). */
  const pathways = async (...args: string[]) => {
    const env = {
      ...process.env,
      // On PostgreSQL the data folder holds nothing the command reads.
      PATHWAYS_DATA_DIR: database.dataDir ?? tmpdir(),
      DATABASE_URL: database.connectionString ?? '',
      PATHWAYS_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    };
    try {
      const { stdout, stderr } = await run(process.execPath, ['--no-warnings', mainPath, 'tna', ...args], { env, cwd });
      return { code: 0, stdout: stripVTControlCharacters(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: stripVTControlCharacters(e.stdout), stderr: e.stderr };
    }
  };

  it('prints the API’s JSON for a trust: the needs ranked by how many lack them, by school, with cohorts', async () => {
    const { code, stdout, stderr } = await pathways('--scope', own.trustId, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // Exactly the response contract of GET /api/insight/training-needs: nothing more, nothing less.
    expect(TrainingNeedsJson.parse(json)).toEqual(json);
    expect(json.scope).toEqual({ kind: 'trust', id: own.trustId, name: 'alpha Trust' });
    expect(json.target).toEqual({ id: 'next', title: 'Each person’s next level' });
    expect([json.measured, json.leftOut]).toEqual([7, 5]);
    expect(json.needs).toHaveLength(4 + 30);
    expect(top(json.needs, 5)).toEqual([
      [
        'HLTA.1',
        7,
        [
          ['alpha School', 4],
          ['Beech Academy', 3],
        ],
      ],
      [
        'HLTA.2',
        5,
        [
          ['alpha School', 3],
          ['Beech Academy', 2],
        ],
      ],
      [
        'HLTA.3',
        4,
        [
          ['alpha School', 2],
          ['Beech Academy', 2],
        ],
      ],
      [
        'At least one specialism',
        3,
        [
          ['alpha School', 2],
          ['Beech Academy', 1],
        ],
      ],
      ['HLTA.4', 2, [['alpha School', 2]]],
    ]);
    // The rules' cluster minimum is 8: seven people across two schools make no cluster cohort.
    expect(json.needs[0].cohorts.cluster).toBeNull();
  }, 120_000);

  it('takes a school, a target and a cluster size, and prints a table a person can read', async () => {
    const school = JSON.parse((await pathways('--scope', fixture.schoolB, '--target', 'HLTA_STATUS', '--format', 'json')).stdout);
    expect(school.scope).toMatchObject({ kind: 'school', name: 'Beech Academy' });
    expect(school.target.title).toBe('Higher Level Teaching Assistant status');
    expect(school.measured).toBe(3);

    const { code, stdout } = await pathways('--scope', own.trustId, '--min-cluster', '7', '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toContain('Training needs of alpha Trust (the whole trust), against each person’s next level');
    expect(stdout).toContain('7 people measured; 5 people left out (no graded role, or no level above theirs), in 2 schools.');
    expect(stdout).toContain('a cluster cohort from 7 people across schools.');
    expect(stdout).toContain('34 needs, ranked by how many staff lack each:');
    const rows = tableRows(stdout);
    expect(rows[0]).toEqual(['#', 'need', 'staff', 'cohort suggestion']);
    expect(rows.slice(1, 6)).toEqual([
      [
        '1',
        'HLTA.1 — have high expectations of children and young people with a commitment to helping them fulfil their potential',
        '7',
        'One cluster cohort: 7 people across 2 schools; or school cohorts: alpha School (4), Beech Academy (3)',
      ],
      [
        '2',
        'HLTA.2 — establish fair, respectful, trusting, supportive and constructive relationships with children and young people',
        '5',
        'School cohorts: alpha School (3), Beech Academy (2)',
      ],
      [
        '3',
        'HLTA.3 — demonstrate the positive values, attitudes and behaviour they expect from children and young people',
        '4',
        'School cohorts: alpha School (2), Beech Academy (2)',
      ],
      [
        '4',
        expect.stringMatching(/^At least one specialism/),
        '3',
        // Beech Academy's one person is no cohort of their own (the minimum is 2), and 3 make no cluster of 7.
        'A school cohort: alpha School (2)',
      ],
      ['5', expect.stringMatching(/^HLTA\.4 — /), '2', 'A school cohort: alpha School (2)'],
    ]);
    expect(rows).toHaveLength(1 + 34);
  }, 120_000);

  it('says clearly when the scope, the target or the cluster size is not one it knows, and exits non-zero', async () => {
    const unknown = crypto.randomUUID();
    // Side by side: each is a process of its own, and none changes anything.
    const [missing, malformed, target, cluster, notANumber] = await Promise.all([
      pathways('--scope', unknown),
      pathways('--scope', 'alpha'),
      pathways('--scope', own.trustId, '--target', 'TA9'),
      pathways('--scope', own.trustId, '--min-cluster', '1'),
      pathways('--scope', own.trustId, '--min-cluster', 'eight'),
    ]);
    expect(missing).toMatchObject({
      code: 66,
      stdout: '',
      stderr: `Error: There is no trust, school or partnership with the id ${unknown}\n  - scope: give the id of a trust, a school or a partnership\n`,
    });
    expect(malformed).toMatchObject({
      code: 66,
      stderr: expect.stringContaining('There is no trust, school or partnership with the id alpha'),
    });
    expect(target).toMatchObject({ code: 65, stderr: expect.stringContaining('No role, status or qualification has the id TA9') });
    expect(cluster).toMatchObject({ code: 65, stderr: expect.stringContaining('The cluster size is not valid') });
    expect(notANumber).toMatchObject({ code: 64, stderr: expect.stringContaining('give a whole number of people, 2 or more') });
  }, 180_000);

  it('analyses a partnership for its member schools, and another trust’s school as that trust’s', async () => {
    const partnership = JSON.parse((await pathways('--scope', own.partnershipId, '--json')).stdout);
    expect(partnership.scope).toMatchObject({ kind: 'partnership', id: own.partnershipId, name: 'alpha Partnership' });
    expect(partnership.schools.map((s: { name: string }) => s.name)).toEqual(['alpha School']);
    expect(top(partnership.needs, 1)).toEqual([['HLTA.1', 4, [['alpha School', 4]]]]);
    const otherSchool = JSON.parse((await pathways('--scope', other.schoolId, '--json')).stdout);
    expect(otherSchool.scope).toMatchObject({ kind: 'school', id: other.schoolId });
    expect(otherSchool.schools.map((s: { id: string }) => s.id)).toEqual([other.schoolId]);
  }, 120_000);
});
