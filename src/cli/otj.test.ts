import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../contracts/errors.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { convertIfateStandard } from '../framework/ifate/convert.ts';
import { parseIfateStandard } from '../framework/ifate/parse.ts';
import { type FrameworkSource, readFrameworkFiles } from '../framework/load.ts';
import { registerOtjCommands } from './otj.ts';

let builtIn: FrameworkSource[];
let catalogue: Catalogue;
/** The built-in data with ST0454 imported and a fixed minimum held on ST1414 (a test figure, not the real one). */
let withData: Catalogue;
beforeAll(async () => {
  builtIn = await readFrameworkFiles();
  catalogue = buildCatalogue(builtIn);
  const st0454 = convertIfateStandard(
    parseIfateStandard(readFileSync(new URL('../framework/fixtures/st0454-v1.1.json', import.meta.url), 'utf8'), 'st0454.json'),
  );
  withData = buildCatalogue([
    ...builtIn.map(({ file, framework }) =>
      framework.id !== 'st1414'
        ? { file, framework }
        : {
            file,
            framework: {
              ...framework,
              qualifications: framework.qualifications?.map((q) => ({
                ...q,
                offTheJobMinimumHours: {
                  value: 450,
                  provenance: { origin: 'pathways' as const, reason: 'a figure for this test only', source: 'https://example.org/otj' },
                },
              })),
            },
          },
    ),
    { file: 'st0454 (import)', framework: st0454 },
  ]);
});

const pathways = async (on: Catalogue, ...args: string[]) => {
  let text = '';
  const program = new Command('pathways').exitOverride();
  registerOtjCommands(program, { out: { write: (t) => (text += t) }, loadCatalogue: async () => on });
  await program.parseAsync(['otj', 'minimum', ...args], { from: 'user' });
  return text;
};
const failureOf = async (run: Promise<unknown>): Promise<AppError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
};
const common = (start: string, ...rest: string[]) => [
  '--standard',
  'st1414',
  '--start',
  start,
  '--contracted-hours',
  '37',
  '--months',
  '24',
  ...rest,
];

describe('pathways otj minimum', () => {
  it('--json prints exactly the rule version and the minimum hours', async () => {
    expect(await pathways(catalogue, ...common('2024-09-02', '--json'))).toBe('{\n  "rule": "otj-2022-08",\n  "minimumHours": 557\n}\n');
    expect(
      JSON.parse(await pathways(catalogue, ...common('2025-09-01', '--fixed-minimum', '400', '--prior-learning-hours', '100', '--json'))),
    ).toEqual({
      rule: 'otj-2025-08',
      minimumHours: 300,
    });
  });

  it('chooses the rule by the start date at the 2025 boundary', async () => {
    const at = async (start: string) => JSON.parse(await pathways(catalogue, ...common(start, '--fixed-minimum', '400', '--json')));
    expect(await at('2025-07-31')).toEqual({ rule: 'otj-2022-08', minimumHours: 557 });
    expect(await at('2025-08-01')).toEqual({ rule: 'otj-2025-08', minimumHours: 400 });
  });

  it('without --json prints the minimum and the reasons', async () => {
    const text = await pathways(catalogue, '--standard', 'st1414', '--start', '2023-09-01', '--contracted-hours', '20', '--months', '24');
    expect(text).toContain('Off-the-job minimum for L5: Specialist teaching assistant (st1414): 371 hours, rule otj-2022-08\nWhy:\n');
    expect(text).toContain('  - 20 contracted hours a week is below 30, pro rata: 20 ÷ 30 × 6 = 4 hours a week\n');
  });

  it("refuses a start from August 2025 when the standard's fixed minimum is not held, saying what to enter", async () => {
    const error = await failureOf(pathways(catalogue, ...common('2025-09-01', '--json')));
    expect(error.code).toBe('validation');
    expect(error.message).toBe("unknown: enter the standard's fixed minimum from the funding rules");
    expect(error.details).toEqual([
      {
        where: '--fixed-minimum',
        reason: 'st1414 holds no fixed minimum for rule otj-2025-08: pass --fixed-minimum N from the funding rules',
      },
    ]);
  });

  it('uses the fixed minimum the standard version holds, and --fixed-minimum overrides it with the source noted', async () => {
    expect(JSON.parse(await pathways(withData, ...common('2025-09-01', '--json')))).toEqual({ rule: 'otj-2025-08', minimumHours: 450 });
    expect(await pathways(withData, ...common('2025-09-01'))).toContain(
      "the standard's fixed minimum is 450 hours (held for st1414: https://example.org/otj)",
    );
    expect(JSON.parse(await pathways(withData, ...common('2025-09-01', '--fixed-minimum', '500', '--json')))).toEqual({
      rule: 'otj-2025-08',
      minimumHours: 500,
    });
    expect(await pathways(withData, ...common('2025-09-01', '--fixed-minimum', '500'))).toContain(
      'fixed minimum is 500 hours (entered with --fixed-minimum, instead of the 450 hours the data holds)',
    );
  });

  it('works for an imported standard (ST0454) in the catalogue it is given', async () => {
    const args = ['--standard', 'st0454-v1.1', '--start', '2024-01-08', '--contracted-hours', '30', '--months', '18', '--json'];
    expect(JSON.parse(await pathways(withData, ...args))).toEqual({ rule: 'otj-2022-08', minimumHours: 418 });
    expect(JSON.parse(await pathways(withData, ...args.with(1, 'ST0454')))).toEqual({ rule: 'otj-2022-08', minimumHours: 418 });
  });

  it('refuses a start before August 2022 plainly', async () => {
    const error = await failureOf(pathways(catalogue, ...common('2022-07-31', '--json')));
    expect(error.message).toMatch(/^No off-the-job rule is held for a start on 31 July 2022: .*20%/);
    expect(error.details[0]?.where).toBe('--start');
  });

  it('refuses an unknown standard, a framework that is not an apprenticeship standard, and malformed flags', async () => {
    expect((await failureOf(pathways(catalogue, ...common('2024-09-02').with(1, 'st9999')))).code).toBe('not_found');
    expect((await failureOf(pathways(catalogue, ...common('2024-09-02').with(1, 'hlta-standards')))).code).toBe('validation');
    const bad = await failureOf(pathways(catalogue, ...common('2024-02-30').with(5, 'lots')));
    expect(bad.details.map((d) => d.where).sort()).toEqual(['--contracted-hours', '--start']);
  });
});
