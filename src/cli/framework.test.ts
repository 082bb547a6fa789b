import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CFPackage } from '../framework/case/case-schema.ts';
import { caseDir, externalPresent } from '../framework/case/testing.ts';

const run = promisify(execFile);
const moduleUrl = new URL('./framework.ts', import.meta.url).href;
/** commander by absolute URL, since the entry file lives outside the repository. */
const commanderUrl = pathToFileURL(createRequire(import.meta.url).resolve('commander')).href;

/**
 * Runs `pathways framework …` as a child process on Node 24 (process.execPath). The entry builds a
 * program with only the framework commands, so the test does not depend on the rest of the CLI.
 */
const entry = `
import { Command } from ${JSON.stringify(commanderUrl)};
import { registerFrameworkCommands } from ${JSON.stringify(moduleUrl)};
const program = new Command('pathways').exitOverride();
registerFrameworkCommands(program);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (error) {
  if (error?.code?.startsWith?.('commander.')) process.exit(error.exitCode ?? 2);
  process.stderr.write((error?.describe?.() ?? String(error)) + '\\n');
  process.exit(1);
}
`;

let dataDir: string;
let entryFile: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pathways-cli-'));
  // A file rather than --eval: the embedded database starts a worker with the parent's execArgv, which may not hold --input-type.
  entryFile = join(dataDir, 'entry.mjs');
  await writeFile(entryFile, entry, 'utf8');
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const pathways = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--no-warnings', entryFile, ...args], {
      env: { ...process.env, PATHWAYS_DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('pathways framework (child process, Node 24)', () => {
  it('runs on Node 24', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('lists the frameworks as JSON when stdout is not a terminal', async () => {
    const { code, stdout } = await pathways('framework', 'list');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['njc-role-profiles', 'st1414']));
  });

  it('lists the frameworks as a table on request', async () => {
    const { code, stdout } = await pathways('framework', 'list', '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/┌/);
    expect(stdout).toMatch(/st1414/);
  });

  it('shows one framework as JSON and as a table', async () => {
    const asJson = await pathways('framework', 'show', 'st1414', '--format', 'json');
    expect(asJson.code).toBe(0);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ summary: { id: 'st1414' }, framework: { roles: [{ id: 'SPECIALIST_TA_L5' }] } });
    const asTable = await pathways('framework', 'show', 'st1414', '--format', 'table');
    expect(asTable.stdout).toMatch(/SPECIALIST_TA_L5/);
    expect(asTable.stdout).toMatch(/knowledge/);
  });

  it('fails clearly for an unknown framework', async () => {
    const { code, stderr } = await pathways('framework', 'show', 'no-such-framework');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/no framework with id "no-such-framework"/);
  });

  it('exports a CASE package to stdout and to a file', async () => {
    const { code, stdout } = await pathways('framework', 'export', '--format', 'case', 'hlta-standards');
    expect(code).toBe(0);
    const pkg = CFPackage.parse(JSON.parse(stdout));
    expect(pkg.CFItems?.filter((i) => i.CFItemType === 'Standard')).toHaveLength(33);

    const out = join(dataDir, 'st1414.case.json');
    const toFile = await pathways('framework', 'export', '--format', 'case', 'st1414', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(CFPackage.safeParse(JSON.parse(await readFile(out, 'utf8'))).success).toBe(true);
  });

  it('exports the CASE 1.0 form on request', async () => {
    const { code, stdout } = await pathways('framework', 'export', '--format', 'case', '--case-version', '1.0', 'nos-stl');
    expect(code).toBe(0);
    const pkg = CFPackage.parse(JSON.parse(stdout));
    expect(pkg.CFDocument).not.toHaveProperty('caseVersion');
    const v11 = CFPackage.parse(JSON.parse((await pathways('framework', 'export', '--format', 'case', 'nos-stl')).stdout));
    expect(v11.CFDocument.caseVersion).toBe('1.1');
  });

  it.skipIf(!externalPresent)(
    'imports a CASE package once and refuses a malformed one',
    async () => {
      const file = join(caseDir, 'opensalt-tests-Ordering-ACT-Holistic-Math.cfpackage.json');
      const first = await pathways('framework', 'import', '--format', 'case', file);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/Imported CASE document a33fc64e-5c40-11e7-82c4-3d54268aa9ee .*28 items.* as framework case-a33fc64e/);
      const again = await pathways('framework', 'import', '--format', 'case', file);
      expect(again.stdout).toMatch(/already imported/);

      const broken = join(dataDir, 'broken.cfpackage.json');
      await writeFile(broken, JSON.stringify({ CFDocument: { title: 'No identifier' } }), 'utf8');
      const refused = await pathways('framework', 'import', '--format', 'case', broken);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/broken\.cfpackage\.json: is not a CASE package/);
      expect(refused.stderr).toMatch(/\$\.CFDocument\.identifier/);
    },
    120_000,
  ); // three child processes, each opening the embedded database

  it('refuses an export format it does not know', async () => {
    const { code, stderr } = await pathways('framework', 'export', '--format', 'xml', 'st1414');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Allowed choices are case/);
  });
});
