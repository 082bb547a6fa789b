import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { type GatewayCases, seedGatewayCases } from '../usecases/apprenticeships/gateway-testing.ts';
import { apprenticeshipTestDeps, seedOffTheJobWorld } from '../usecases/apprenticeships/off-the-job-testing.ts';
import { runGateway } from './gateway.ts';

const itemIds = [
  'st1414-english-maths',
  'st1414-ksbs',
  'gateway-minimum-duration',
  'gateway-off-the-job',
  'gateway-employer-confirmation',
  'gateway-provider-confirmation',
];

/** The terms of the Gateway to Completion rules in force on 1 June 2027. */
const version = {
  id: 'gateway-2025-08',
  title: 'Gateway to Completion',
  terms: { gateway: 'Gateway to Completion', assessment: 'apprenticeship assessment', assessmentOrganisation: 'assessment organisation' },
  formerTerms: ['gateway', 'end-point assessment gateway', 'end-point assessment', 'EPA', 'end-point assessment organisation', 'EPAO'],
};

type Item = { id: string; label: string; met: boolean; evidence: string[]; nextActions: string[] };

describe.each(testDatabaseKinds())('pathways gateway --enrolment <id> on %s', (kind) => {
  let database: TestDatabase;
  let cases: GatewayCases;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const deps = await apprenticeshipTestDeps(database.kysely, '2027-06-01');
    cases = await seedGatewayCases(database.kysely, deps.catalogue, await seedOffTheJobWorld(database.kysely));
  }, 60_000);
  afterAll(() => database.close());

  const run = async (enrolment: string, json: boolean) => {
    let output = '';
    await runGateway(database, { enrolment, json, today: new Date('2027-06-01T12:00:00Z') }, (text) => {
      output += text;
    });
    return output;
  };
  const item = (items: Item[], id: string): Item => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };

  it('--json: a ready apprentice, every item met with its evidence, in the shape scripts read', async () => {
    const output = await run(cases.ready, true);
    expect(output.endsWith('}\n')).toBe(true);
    const json = JSON.parse(output);
    expect(Object.keys(json)).toEqual(['enrolmentId', 'applies', 'version', 'ready', 'items', 'offTheJob', 'minimumDuration']);
    expect(json).toMatchObject({ enrolmentId: cases.ready, applies: true, ready: true, version });
    expect(json.items.map((i: Item) => i.id)).toEqual(itemIds);
    for (const i of json.items) {
      // The interpreter's tree stays out of the CLI's JSON: only what a person reads.
      expect(Object.keys(i)).toEqual(['id', 'label', 'met', 'evidence', 'nextActions']);
      expect(i).toMatchObject({ met: true, nextActions: [] });
    }
    expect(item(json.items, 'st1414-english-maths').evidence).toEqual(['aged 24 at the start of the apprenticeship']);
    expect(item(json.items, 'st1414-ksbs').evidence).toEqual([
      '69/70 judged met',
      expect.stringMatching(/^1\/70 recognised prior learning: ST1414\.K1 — Statutory and non-statutory curriculum frameworks/),
    ]);
    expect(item(json.items, 'gateway-off-the-job').evidence).toEqual(['420 approved hours of the 400-hour minimum (otj-2025-08)']);
    expect(json.offTheJob).toEqual({
      rule: 'otj-2025-08',
      minimumHours: 400,
      approvedHours: 420,
      message: 'minimum 400 hours (otj-2025-08)',
    });
    // 1 September 2025 to 1 June 2027, both counted; eight months from the start is 242 days.
    expect(json.minimumDuration).toEqual({ months: 8, daysNeeded: 242, daysSoFar: 639 });
  });

  it('--json: a not-ready apprentice, each unmet item with its next actions', async () => {
    const json = JSON.parse(await run(cases.notReady, true));
    expect(json).toMatchObject({ enrolmentId: cases.notReady, applies: true, ready: false, version });
    expect(json.items.map((i: Item) => i.id)).toEqual(itemIds);
    expect(json.items.filter((i: Item) => !i.met).map((i: Item) => i.id)).toEqual([
      'st1414-english-maths',
      'st1414-ksbs',
      'gateway-off-the-job',
      'gateway-employer-confirmation',
      'gateway-provider-confirmation',
    ]);
    for (const i of json.items) expect(i.nextActions.length > 0).toBe(!i.met);
    // Aged 17 at the start: English and maths at Level 2 are still required.
    expect(item(json.items, 'st1414-english-maths')).toEqual({
      id: 'st1414-english-maths',
      label: expect.stringContaining('unless you were aged 19 or over at the start'),
      met: false,
      evidence: [],
      nextActions: [
        'achieve Level 2 English — e.g. Functional Skills English Level 2 or GCSE English grade 4 (C)',
        'achieve Level 2 maths — e.g. Functional Skills maths Level 2 or GCSE maths grade 4 (C)',
      ],
    });
    expect(item(json.items, 'st1414-ksbs')).toMatchObject({
      evidence: ['68/70 judged met'],
      nextActions: [
        'gather evidence for the KSBs not yet met and ask your assessor to review it',
        expect.stringMatching(
          /^have judged met: ST1414\.K31 — The theoretical background to a range of SEND.*; ST1414\.S28 — Apply approaches/,
        ),
      ],
    });
    expect(item(json.items, 'gateway-off-the-job')).toMatchObject({
      evidence: ['210 approved hours of the 400-hour minimum (otj-2025-08)'],
      nextActions: ['log the off-the-job training still needed and ask the training provider to approve it'],
    });
    expect(item(json.items, 'gateway-employer-confirmation').nextActions).toEqual([
      "the employer (the line manager or the school's admin) records the employer's confirmation on the enrolment",
    ]);
    expect(json.offTheJob).toMatchObject({ minimumHours: 400, approvedHours: 210 });
  });

  it('without --json: one line per item, ticked or not, with the next actions under the unmet ones', async () => {
    const lines = (await run(cases.notReady, false)).trimEnd().split('\n');
    expect(lines[0]).toBe('Other Person, ST1414 (SEND): Gateway to Completion — not ready (rules gateway-2025-08)');
    expect(lines.filter((l) => /^ {2}\[[ x]\] /.test(l)).map((l) => l.slice(2, 5))).toEqual(['[ ]', '[ ]', '[x]', '[ ]', '[ ]', '[ ]']);
    expect(lines).toContain('      → achieve Level 2 maths — e.g. Functional Skills maths Level 2 or GCSE maths grade 4 (C)');
    expect((await run(cases.ready, false)).split('\n')[0]).toMatch(/: Gateway to Completion — ready \(rules gateway-2025-08\)$/);
  });

  it('answers an unknown or malformed enrolment id as not found', async () => {
    await expect(run('00000000-0000-4000-8000-000000000000', true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(run('not-an-id', true)).rejects.toMatchObject({ code: 'not_found' });
  });
});
