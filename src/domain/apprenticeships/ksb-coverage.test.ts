import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../../framework/catalogue.ts';
import { convertIfateStandard } from '../../framework/ifate/convert.ts';
import { parseIfateStandard } from '../../framework/ifate/parse.ts';
import { type FrameworkSource, readFrameworkFiles } from '../../framework/load.ts';
import { type KsbCoverage, type KsbCoverageInput, ksbCoverage } from './ksb-coverage.ts';

let builtIn: FrameworkSource[];
let catalogue: Catalogue;
beforeAll(async () => {
  builtIn = await readFrameworkFiles();
  catalogue = buildCatalogue(builtIn);
});

const st0454 = () => JSON.parse(readFileSync(new URL('../../framework/fixtures/st0454-v1.1.json', import.meta.url), 'utf8'));
const withImported = (json: unknown) =>
  buildCatalogue([...builtIn, { file: 'st0454-v1.1 (import)', framework: convertIfateStandard(parseIfateStandard(json, 'st0454.json')) }]);

const covered = (on: Catalogue, input: Partial<KsbCoverageInput> & Pick<KsbCoverageInput, 'framework'>): KsbCoverage => {
  const result = ksbCoverage(on, { evidence: {}, ...input });
  if (!result.ok) throw new Error(`expected coverage, got ${result.code}: ${result.message}`);
  return result;
};
const codes = (c: KsbCoverage) => c.items.map((i) => i.code.replace(/^ST\d+\./, ''));
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('option-scoped KSB coverage on ST1414', () => {
  it('SEND: the core KSBs plus K30–K35 and S27–S29, none of the other options’', () => {
    const send = covered(catalogue, { framework: 'st1414', option: 'SEND' });
    expect(codes(send)).toEqual([
      ...range('K', 1, 29),
      ...range('K', 30, 35),
      ...range('S', 1, 26),
      ...range('S', 27, 29),
      ...range('B', 1, 6),
    ]);
    expect(send.items.find((i) => i.code === 'ST1414.K30')?.scope).toBe('SEND');
    expect(send.items.find((i) => i.code === 'ST1414.K1')?.scope).toBe('core');
    expect(send.counts.total).toBe(29 + 6 + 26 + 3 + 6);
  });

  it('SEW: K36–K41 and S30–S32; SCP: K42–K47 and S33–S35', () => {
    const sew = codes(covered(catalogue, { framework: 'st1414', option: 'SEW' }));
    expect(sew).toEqual(expect.arrayContaining([...range('K', 36, 41), ...range('S', 30, 32)]));
    expect(sew.filter((c) => ['K30', 'K42', 'S27', 'S33'].includes(c))).toEqual([]);
    const scp = codes(covered(catalogue, { framework: 'st1414', option: 'SCP' }));
    expect(scp).toEqual(expect.arrayContaining([...range('K', 42, 47), ...range('S', 33, 35)]));
    expect(scp.filter((c) => ['K30', 'K36', 'S27', 'S30'].includes(c))).toEqual([]);
    expect(sew).toHaveLength(70);
    expect(scp).toHaveLength(70);
  });

  it('carries each KSB’s evidence count and judgement, and counts them; evidence on another option’s KSB is out of scope', () => {
    const send = covered(catalogue, {
      framework: 'st1414',
      option: 'SEND',
      evidence: {
        'ST1414.K1': { count: 3, judgement: 'met' },
        'ST1414.K30': { count: 1, judgement: 'developing' },
        'ST1414.S2': { count: 2 },
        'ST1414.K36': { count: 4, judgement: 'met' },
      },
    });
    expect(send.items.find((i) => i.code === 'ST1414.K1')).toMatchObject({ evidenceCount: 3, judgement: 'met' });
    expect(send.items.find((i) => i.code === 'ST1414.S2')).toMatchObject({ evidenceCount: 2, judgement: 'not-started' });
    expect(send.items.find((i) => i.code === 'ST1414.B6')).toMatchObject({ evidenceCount: 0, judgement: 'not-started' });
    expect(send.counts).toEqual({ total: 70, met: 1, recognised: 0, covered: 1, developing: 1, notStarted: 68, withEvidence: 3 });
    expect(send.outOfScope).toEqual(['ST1414.K36']);
  });

  it('counts KSBs recognised as prior learning as covered, apart from those judged met; one judged met stays met', () => {
    const send = covered(catalogue, {
      framework: 'st1414',
      option: 'SEND',
      evidence: { 'ST1414.K1': { count: 3, judgement: 'met' }, 'ST1414.K2': { count: 1, judgement: 'developing' } },
      recognised: ['ST1414.K1', 'ST1414.K2', 'ST1414.K3', 'ST1414.K36'],
    });
    expect(send.items.find((i) => i.code === 'ST1414.K1')).toMatchObject({ judgement: 'met', recognised: false });
    expect(send.items.find((i) => i.code === 'ST1414.K2')).toMatchObject({ judgement: 'developing', recognised: true });
    expect(send.items.find((i) => i.code === 'ST1414.K3')).toMatchObject({ judgement: 'not-started', recognised: true });
    // Another option's KSB is not in scope, recognised or not.
    expect(send.items.find((i) => i.code === 'ST1414.K36')).toBeUndefined();
    expect(send.counts).toMatchObject({ total: 70, met: 1, recognised: 2, covered: 3, developing: 1 });
  });

  it('has no duty grouping: the seed maps no duty to a KSB', () => {
    expect(covered(catalogue, { framework: 'st1414', option: 'SEND' })).toMatchObject({ duties: null, unmapped: [] });
  });

  it('asks for the option of a standard with options, and refuses an option it does not have', () => {
    expect(ksbCoverage(catalogue, { framework: 'st1414', evidence: {} })).toMatchObject({ ok: false, code: 'option_required' });
    expect(ksbCoverage(catalogue, { framework: 'st1414', option: 'O1', evidence: {} })).toMatchObject({
      ok: false,
      code: 'unknown_option',
      message: expect.stringContaining('SEND, SEW, SCP'),
    });
    expect(ksbCoverage(catalogue, { framework: 'st9999', evidence: {} })).toMatchObject({ ok: false, code: 'unknown_framework' });
  });
});

describe('KSB coverage of an imported standard, grouped by duty', () => {
  it('ST0454 (no options): every KSB, grouped under the duties that map it', () => {
    const on = withImported(st0454());
    const coverage = covered(on, { framework: 'st0454-v1.1', evidence: { 'ST0454.K1': { count: 1, judgement: 'met' } } });
    expect(coverage.counts.total).toBe(12 + 10 + 5);
    expect(coverage.duties).toHaveLength(10);
    expect(coverage.duties?.[0]).toMatchObject({
      code: 'ST0454.D1',
      scope: 'core',
      ksbs: ['ST0454.K1', 'ST0454.K2', 'ST0454.K9', 'ST0454.S1', 'ST0454.S3', 'ST0454.B1', 'ST0454.B4'],
      met: 1,
      recognised: 0,
      covered: 1,
      total: 7,
    });
    expect(coverage.unmapped).toEqual([]);
    const prior = covered(on, {
      framework: 'st0454-v1.1',
      evidence: { 'ST0454.K1': { count: 1, judgement: 'met' } },
      recognised: ['ST0454.K2', 'ST0454.S1'],
    });
    expect(prior.duties?.[0]).toMatchObject({ code: 'ST0454.D1', met: 1, recognised: 2, covered: 3, total: 7 });
    expect(ksbCoverage(on, { framework: 'st0454-v1.1', option: 'SEND', evidence: {} })).toMatchObject({
      ok: false,
      code: 'unknown_option',
      message: expect.stringContaining('no options'),
    });
  });

  it('with options, an option duty and the KSBs only it maps are in scope for that option only', () => {
    const json = st0454();
    const optionA = '11111111-1111-4111-8111-111111111111';
    const optionB = '22222222-2222-4222-8222-222222222222';
    json.options = [
      { optionId: optionA, title: 'Special educational needs' },
      { optionId: optionB, title: 'Early years' },
    ];
    json.duties = json.duties.map((d: object, i: number) => (i === 9 ? { ...d, isThisACoreDuty: 0, mappedOptions: [optionA] } : d));
    const on = withImported(json);
    const o1 = covered(on, { framework: 'st0454-v1.1', option: 'O1' });
    const o2 = covered(on, { framework: 'st0454-v1.1', option: 'O2' });
    expect(o1.duties?.map((d) => d.code)).toContain('ST0454.D10');
    expect(o1.duties?.find((d) => d.code === 'ST0454.D10')).toMatchObject({ scope: 'O1', ksbs: expect.arrayContaining(['ST0454.K12']) });
    expect(codes(o1)).toContain('K12');
    expect(o2.duties?.map((d) => d.code)).not.toContain('ST0454.D10');
    expect(codes(o2)).not.toContain('K12');
  });
});
