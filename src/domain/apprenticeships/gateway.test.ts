import { beforeAll, describe, expect, it } from 'vitest';
import { PersonState, type PersonStateInput } from '../../contracts/person-state.ts';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { buildCatalogue, type Catalogue } from '../../framework/catalogue.ts';
import { type GatewayRules, readGatewayRules } from '../../framework/gateway-rules.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { type GatewayEnrolmentFacts, gatewayReadiness, gatewayVersionOn } from './gateway.ts';
import { type Programme, programmeById } from './programme.ts';

let catalogue: Catalogue;
let gatewayRules: GatewayRules;
let fundingRules: ApprenticeshipRules;
let st1414: Programme;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
  gatewayRules = await readGatewayRules();
  fundingRules = await readApprenticeshipRules();
  const p = programmeById(catalogue, 'ST1414');
  if (!p) throw new Error('ST1414 is missing');
  st1414 = p;
});

/** Every KSB of ST1414's core and the SEND option judged met. */
const sendKsbsMet = () =>
  Object.fromEntries(
    catalogue
      .items({ framework: 'st1414' })
      .filter((i) => ['knowledge', 'skill', 'behaviour'].includes(i.kind) && (!i.options || i.options.includes('SEND')))
      .map((i) => [i.code, 'met' as const]),
  );

const englishL2 = { subject: 'english', scheme: 'functional-skills', grade: 'L2' } as const;
const mathsL2 = { subject: 'maths', scheme: 'gcse-9-1', grade: '4' } as const;
const englishE3 = { subject: 'english', scheme: 'functional-skills', grade: 'E3' } as const;
const mathsE3 = { subject: 'maths', scheme: 'functional-skills', grade: 'E3' } as const;

const person = (input: Partial<PersonStateInput>) =>
  PersonState.parse({ phase: 'primary', nation: 'England', judgements: sendKsbsMet(), ...input });

/** A 24-month ST1414 SEND apprenticeship started in September 2025, two years on, with its hours approved and both confirmations. */
const facts = (over: Partial<GatewayEnrolmentFacts> = {}): GatewayEnrolmentFacts => ({
  startDate: '2025-09-01',
  plannedEndDate: '2027-08-31',
  contractedHoursPerWeek: 32.5,
  ageAtStart: 25,
  optionCode: 'SEND',
  priorLearningHours: 0,
  priorLearningItems: [],
  fixedMinimum: { hours: 400, source: 'entered by the provider from the funding rules 2025 to 2026' },
  breaks: [],
  approvedOffTheJobHours: 412,
  employerConfirmed: true,
  providerConfirmed: true,
  today: '2027-09-06',
  ...over,
});

const readiness = (state: PersonState, f: GatewayEnrolmentFacts, programme: Programme = st1414) => {
  const r = gatewayReadiness(catalogue, gatewayRules, fundingRules, programme, state, f);
  if (!r.applies) throw new Error(r.reason);
  return r;
};
const item = (r: ReturnType<typeof readiness>, id: string) => {
  const found = r.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('Gateway to Completion readiness (ST1414)', () => {
  it('is ready when every KSB of the option is met, English and maths are held, the time and hours are done and both parties confirm', () => {
    const r = readiness(person({ achievements: [englishL2, mathsL2] }), facts());
    expect(r.ready).toBe(true);
    expect(r.version).toMatchObject({
      id: 'gateway-2025-08',
      terms: { gateway: 'Gateway to Completion', assessment: 'apprenticeship assessment' },
    });
    expect(r.version.formerTerms).toContain('end-point assessment');
    expect(r.items.map((i) => i.id)).toEqual([
      'st1414-english-maths',
      'st1414-ksbs',
      'gateway-minimum-duration',
      'gateway-off-the-job',
      'gateway-employer-confirmation',
      'gateway-provider-confirmation',
    ]);
  });

  it('is not ready for an apprentice of 17 at the start without Level 2 maths, and says to achieve it', () => {
    const r = readiness(person({ achievements: [englishL2] }), facts({ ageAtStart: 17 }));
    expect(r.ready).toBe(false);
    const em = item(r, 'st1414-english-maths');
    expect(em.met).toBe(false);
    expect(em.nextActions).toEqual(['achieve Level 2 maths — e.g. Functional Skills maths Level 2 or GCSE maths grade 4 (C)']);
    expect(r.items.filter((i) => !i.met).map((i) => i.id)).toEqual(['st1414-english-maths']);
  });

  it('does not ask an apprentice of 25 at the start for maths (since 11 February 2025)', () => {
    const r = readiness(person({ achievements: [englishL2] }), facts({ ageAtStart: 25 }));
    expect(item(r, 'st1414-english-maths').met).toBe(true);
    expect(r.ready).toBe(true);
  });

  it('waives English and maths at 19 or over only for readiness checked from 11 February 2025, the day the data gives', () => {
    // A 24-month apprenticeship of a 25-year-old started on 1 September 2022, under the 2022 rules (12 months at least).
    const onProgramme = (today: string, ageAtStart: number) =>
      facts({
        startDate: '2022-09-01',
        plannedEndDate: '2024-08-31',
        fixedMinimum: null,
        approvedOffTheJobHours: 600,
        ageAtStart,
        today,
      });
    const withoutMaths = person({ achievements: [englishL2] });
    const em = (today: string, ageAtStart: number) => item(readiness(withoutMaths, onProgramme(today, ageAtStart)), 'st1414-english-maths');
    // The day before: Level 2 maths is still needed, and the next action says so (not "be older").
    expect(em('2025-02-10', 25)).toMatchObject({
      met: false,
      nextActions: ['achieve Level 2 maths — e.g. Functional Skills maths Level 2 or GCSE maths grade 4 (C)'],
    });
    const before = readiness(withoutMaths, onProgramme('2025-02-10', 25));
    expect(before.ready).toBe(false);
    expect(before.items.filter((i) => !i.met).map((i) => i.id)).toEqual(['st1414-english-maths']);
    // From the day itself, for an apprentice already on programme as for a new start.
    expect(em('2025-02-11', 25).met).toBe(true);
    expect(readiness(withoutMaths, onProgramme('2025-02-11', 25)).ready).toBe(true);
    // An apprentice of 17 at the start needs it on either side of the date, and of 19 (the bound) does not after it.
    expect(em('2025-02-10', 17).met).toBe(false);
    expect(em('2025-02-11', 17).met).toBe(false);
    expect(em('2025-02-10', 19).met).toBe(false);
    expect(em('2025-02-11', 19).met).toBe(true);
    // What the data says: the waiver's branch carries its effective date.
    const rule = catalogue.requirementsFor('ST1414', 'gateway').find((r) => r.id === 'st1414-english-maths');
    expect(JSON.stringify(rule?.requirement)).toContain('"effectiveFrom":"2025-02-11"');
  });

  it('turns on the day of the check, not the start date: a start on 10 February 2025 is waived once the waiver is in force', () => {
    const withoutMaths = person({ achievements: [englishL2] });
    const started = (startDate: string, ageAtStart: number) =>
      item(readiness(withoutMaths, facts({ startDate, plannedEndDate: '2027-02-09', ageAtStart })), 'st1414-english-maths').met;
    expect(started('2025-02-10', 25)).toBe(true);
    expect(started('2025-02-11', 25)).toBe(true);
    expect(started('2025-02-10', 17)).toBe(false);
    expect(started('2025-02-11', 17)).toBe(false);
  });

  it('counts KSBs recognised as prior learning towards "all KSBs met", and says they are recognised, not judged met', () => {
    const judgements = sendKsbsMet();
    for (const code of ['ST1414.K30', 'ST1414.K31', 'ST1414.S27']) delete judgements[code];
    const state = person({ achievements: [englishL2, mathsL2], judgements });
    const without = item(readiness(state, facts()), 'st1414-ksbs');
    expect(without.met).toBe(false);
    expect(without.node.items?.missing).toEqual(['ST1414.K30', 'ST1414.K31', 'ST1414.S27']);

    const r = readiness(state, facts({ priorLearningItems: ['ST1414.K30', 'ST1414.K31', 'ST1414.S27'] }));
    const ksbs = item(r, 'st1414-ksbs');
    expect(ksbs.met).toBe(true);
    expect(r.ready).toBe(true);
    expect(ksbs.evidence).toEqual([
      '67/70 judged met',
      expect.stringMatching(/^3\/70 recognised prior learning: ST1414\.K30 — .*; ST1414\.K31 — .*; ST1414\.S27 — /),
    ]);
    expect(ksbs.node.items).toMatchObject({ total: 70, missing: [], recognised: ['ST1414.K30', 'ST1414.K31', 'ST1414.S27'] });
    expect(ksbs.node.items?.met).not.toContain('ST1414.K30');

    // Recognising only some leaves the rest to be judged; another option's KSB recognised counts for nothing.
    const partly = item(readiness(state, facts({ priorLearningItems: ['ST1414.K30', 'ST1414.K36'] })), 'st1414-ksbs');
    expect(partly.met).toBe(false);
    expect(partly.node.items?.missing).toEqual(['ST1414.K31', 'ST1414.S27']);
  });

  it('takes Entry Level 3 English and maths from an apprentice of 17 with an EHC plan', () => {
    const state = person({ achievements: [englishE3, mathsE3], flags: { ehcpOrStatement: true, bsl: false } });
    expect(item(readiness(state, facts({ ageAtStart: 17 })), 'st1414-english-maths').met).toBe(true);
    // Without the plan, Entry Level 3 is not enough.
    const without = readiness(person({ achievements: [englishE3, mathsE3] }), facts({ ageAtStart: 17 }));
    expect(item(without, 'st1414-english-maths').met).toBe(false);
  });

  it('takes a BSL qualification instead of English', () => {
    const state = person({ achievements: [mathsL2], flags: { ehcpOrStatement: false, bsl: true } });
    expect(item(readiness(state, facts({ ageAtStart: 17 })), 'st1414-english-maths').met).toBe(true);
  });

  it('names each unmet item with its next action: KSBs, hours, and the confirmations still to come', () => {
    const judgements = sendKsbsMet();
    delete judgements['ST1414.K30'];
    const r = readiness(
      person({ achievements: [englishL2, mathsL2], judgements }),
      facts({ approvedOffTheJobHours: 350, employerConfirmed: false, providerConfirmed: false }),
    );
    expect(r.ready).toBe(false);
    expect(r.items.filter((i) => !i.met).map((i) => [i.id, i.nextActions.length > 0])).toEqual([
      ['st1414-ksbs', true],
      ['gateway-off-the-job', true],
      ['gateway-employer-confirmation', true],
      ['gateway-provider-confirmation', true],
    ]);
    expect(item(r, 'gateway-off-the-job').evidence).toEqual(['350 approved hours of the 400-hour minimum (otj-2025-08)']);
  });

  it('leaves a break in learning out of the minimum time on programme', () => {
    const state = person({ achievements: [englishL2, mathsL2] });
    // Eight months is the minimum under otj-2025-08: 1 September 2025 + 8 months = 1 May 2026.
    expect(item(readiness(state, facts({ today: '2026-05-01' })), 'gateway-minimum-duration').met).toBe(true);
    const paused = readiness(state, facts({ today: '2026-05-01', breaks: [{ from: '2025-12-01', to: '2025-12-31' }] }));
    expect(item(paused, 'gateway-minimum-duration').met).toBe(false);
    // 243 days from 1 September to 1 May, both counted, less the 31 days of December.
    expect(paused.minimumDuration.daysSoFar).toBe(243 - 31);
  });

  it('asks for the fixed off-the-job minimum where neither the data nor the enrolment holds it, never inventing one', () => {
    const r = readiness(person({ achievements: [englishL2, mathsL2] }), facts({ fixedMinimum: null }));
    expect(r.offTheJob.minimumHours).toBeNull();
    expect(item(r, 'gateway-off-the-job').nextActions[0]).toMatch(/enter the standard’s fixed off-the-job minimum/);
  });

  it('has no Gateway to Completion for a legacy framework pathway', () => {
    const fr = programmeById(catalogue, 'FR04171.ADVANCED');
    if (!fr) throw new Error('FR04171.ADVANCED is missing');
    const r = gatewayReadiness(catalogue, gatewayRules, fundingRules, fr, person({}), facts({ optionCode: null, startDate: '2020-07-01' }));
    expect(r.applies).toBe(false);
  });

  it('chooses the version of the terms by the day, at both boundaries', () => {
    expect(gatewayVersionOn(gatewayRules, '2025-07-31')?.terms.gateway).toBe('gateway');
    expect(gatewayVersionOn(gatewayRules, '2025-08-01')?.terms.gateway).toBe('Gateway to Completion');
  });
});
