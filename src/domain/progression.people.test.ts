import { beforeAll, describe, expect, it } from 'vitest';
import type { DutyFrequency } from '../contracts/duty-profile.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { gap } from './gap.ts';
import { roleFit } from './role-fit.ts';
import { route } from './route.ts';
import { person } from './testing/fixture.ts';

/** Realistic people from issue 5's "Done when", against the real framework data. */

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const todo = (r: ReturnType<typeof route>, i = 0) => (r.routes[i]?.steps ?? []).filter((s) => s.status === 'todo').map((s) => s.id);
const done = (r: ReturnType<typeof route>, i = 0) => (r.routes[i]?.steps ?? []).filter((s) => s.status === 'done').map((s) => s.id);

const ta5Qts = (phase: 'primary' | 'secondary') =>
  person({
    role: 'TA5',
    phase,
    hoursPerWeekForStudy: 6,
    specialisms: ['a'],
    achievements: [
      { status: 'HLTA_STATUS' },
      { degree: 'foundation-degree', credits: 240, level: 5 },
      { subject: 'english', scheme: 'gcse-9-1', grade: '5' },
      { subject: 'maths', scheme: 'gcse-legacy', grade: 'C' },
      { subject: 'science', scheme: 'gcse-9-1', grade: '3' },
    ],
  });

describe('gap and route for realistic people', () => {
  it('a TA2 with GCSE English 4 and maths 3: HLTA status needs Level 2 maths and the 33 standards', () => {
    const ta2 = person({
      role: 'TA2',
      achievements: [
        { subject: 'english', scheme: 'gcse-9-1', grade: '4' },
        { subject: 'maths', scheme: 'gcse-9-1', grade: '3' },
      ],
    });
    const result = gap(ta2, 'HLTA_STATUS', catalogue);
    const leaves = result.rules[0]?.node.children ?? [];
    expect(leaves.map((n) => n.status)).toEqual(['not-met', 'met', 'not-met']);
    expect(leaves[2]?.action).toContain('Level 2 maths');
    expect(result.coverage).toEqual([expect.objectContaining({ framework: 'hlta-standards', met: 0, total: 33 })]);
    const next = gap(ta2, 'TA3', catalogue);
    expect(next.counts).toMatchObject({ blocking: 1, advice: 1 });
    const plan = route(ta2, 'TA3', catalogue);
    expect(done(plan)).toEqual(['TA2']);
    expect(todo(plan)).toEqual(['specialism:a,b,c,d', 'TA3']);
  });

  it('a TA5 with HLTA status and a Foundation Degree training for the primary phase needs the top-up and GCSE science', () => {
    // Issue 10: science follows the phase of the training course chosen (ITT criteria C1.1), not the school's.
    const plan = route(ta5Qts('secondary'), 'TEACHER_QTS', catalogue, { trainingPhase: 'primary' });
    expect(plan.reached).toBe(false);
    expect(todo(plan)).toEqual(['HE.HONOURS-TOP-UP', 'subjectGrade:science:4', 'ITT.QTS', 'TEACHER_QTS']);
    expect(done(plan)).toContain('HE.FOUNDATION-DEGREE');
    const science = plan.routes[0]?.steps.find((s) => s.id === 'subjectGrade:science:4');
    expect(science).toMatchObject({ duration: 'length unknown' });
    expect(science?.why).toContain('primary phase');
    // Studying 6 hours a week while working: the top-up and the QTS programme in their part-time forms.
    const topUp = plan.routes[0]?.steps.find((s) => s.id === 'HE.HONOURS-TOP-UP');
    expect(topUp).toMatchObject({ months: 24, hours: 600, hoursMax: 1200 });
    expect(plan.routes[0]?.steps.find((s) => s.id === 'ITT.QTS')).toMatchObject({ months: 18 });
    expect(plan.routes[0]?.totalMonths).toBe(24 + 18);
  });

  it('the same person training for the secondary phase does not need GCSE science, even from a primary school', () => {
    const plan = route(ta5Qts('primary'), 'TEACHER_QTS', catalogue, { trainingPhase: 'secondary' });
    expect(todo(plan)).toEqual(['HE.HONOURS-TOP-UP', 'ITT.QTS', 'TEACHER_QTS']);
  });

  it('a TA with Functional Skills Level 2 maths heading for QTS still needs the GCSE', () => {
    const ta = person({
      role: 'TA3',
      achievements: [
        { subject: 'english', scheme: 'gcse-9-1', grade: '6' },
        { subject: 'maths', scheme: 'functional-skills', grade: 'L2' },
      ],
    });
    const entry = gap(ta, 'ITT.QTS', catalogue).rules[0]?.node;
    const maths = entry?.children.find((n) => n.label.includes('GCSE maths'));
    expect(maths?.status).toBe('not-met');
    const plan = route(ta, 'TEACHER_QTS', catalogue);
    expect(plan.routes.length).toBeGreaterThan(0);
    for (const r of plan.routes) expect(r.steps.some((s) => s.id === 'subjectGrade:maths:4' && s.status === 'todo')).toBe(true);
  });

  it('an apprentice on ST1414 SEND with an EHCP and Entry 3 English needs Entry 3 maths and the core and SEND KSBs', () => {
    const apprentice = person({
      role: 'TA3',
      option: 'SEND',
      flags: { ehcpOrStatement: true },
      achievements: [{ subject: 'english', scheme: 'functional-skills', grade: 'E3' }],
    });
    const result = gap(apprentice, 'ST1414', catalogue);
    expect(result.option).toBe('SEND');
    const englishMaths = result.rules.find((r) => r.id === 'st1414-english-maths')?.node;
    expect(englishMaths?.status).toBe('partial');
    // No age at the start recorded, so the 19-or-over exemption (since 11 February 2025) is not met and the
    // seed's rule (the second branch) decides: its EHCP route is the Entry Level 3 one.
    expect(englishMaths?.children[0]?.type).toBe('ageAtStart');
    const ehcpRoute = englishMaths?.children[1]?.children[1];
    expect(ehcpRoute?.children.map((c) => c.status)).toEqual(['met', 'met', 'not-met']);
    const ksbs = result.coverage.find((c) => c.framework === 'st1414');
    const sendOnly = catalogue.items({ framework: 'st1414' }).filter((i) => i.options?.includes('SEND') && !i.options.includes('SEW'));
    expect(sendOnly.length).toBeGreaterThan(0);
    expect(ksbs?.total).toBe(
      catalogue.items({ framework: 'st1414', option: 'SEND' }).filter((i) => ['knowledge', 'skill', 'behaviour'].includes(i.kind)).length,
    );
    const plan = route(apprentice, 'ST1414', catalogue);
    expect(todo(plan)).toContain('subjectLevel:maths:E3');
    expect(todo(plan)).not.toContain('subjectLevel:english:L2');
  });

  it('a Welsh TA with Essential Skills Wales Level 2 meets the Level 2 English and maths of HLTA status', () => {
    const welsh = person({
      role: 'TA4',
      nation: 'Wales',
      achievements: [
        { subject: 'english', scheme: 'essential-skills-wales', grade: 'L2' },
        { subject: 'maths', scheme: 'essential-skills-wales', grade: 'L2' },
      ],
    });
    const leaves = gap(welsh, 'HLTA_STATUS', catalogue).rules[0]?.node.children ?? [];
    expect(leaves.slice(1).map((n) => n.status)).toEqual(['met', 'met']);
    expect(todo(route(welsh, 'HLTA_STATUS', catalogue))).toEqual([expect.stringMatching(/^itemsMet:HLTA\.1,/), 'HLTA_STATUS']);
  });
});

const everyDuty = (role: string, f: DutyFrequency = 'regularly') =>
  Object.fromEntries(
    catalogue
      .children(role)
      .filter((i) => i.kind === 'duty')
      .map((d) => [d.code, f]),
  );

describe('role fit on profiles built from the seeds', () => {
  it('someone graded TA2 who regularly performs every TA4 key duty is best fit TA4 and above grade', () => {
    const fit = roleFit({ currentRole: 'TA2', duties: everyDuty('TA4') }, catalogue);
    expect(fit.bestFit?.role).toBe('TA4');
    expect(fit.gradeComparison).toBe('above');
    expect(fit.aboveGrade).toBe(true);
    expect(fit.dutiesAboveGrade.length).toBeGreaterThan(0);
    expect(fit.threshold).toMatchObject({ numerator: 2, denominator: 3 });
    expect(fit.profiles.find((p) => p.role === 'ASNA1')?.level).toBe(2);
  });

  it('someone doing personal care and therapy programmes fits the ASNA track', () => {
    const asna = catalogue.children('ASNA2').filter((d) => d.kind === 'duty');
    const care = asna.filter((d) => /personal care|therap|physio|medical|health/i.test(d.text));
    expect(care.length).toBeGreaterThan(0);
    const fit = roleFit({ currentRole: 'TA2', duties: everyDuty('ASNA2') }, catalogue);
    expect(catalogue.role(fit.bestFit?.role ?? '')?.track).toBe('additional-support-needs-assistant');
  });

  it('counts ASNA1 duties 1–8 as the TA2 duties they repeat word for word', () => {
    const fit = roleFit({ currentRole: 'TA1', duties: everyDuty('TA2') }, catalogue);
    const asna1 = fit.profiles.find((p) => p.role === 'ASNA1');
    expect(asna1?.coverage.regularly).toBeGreaterThanOrEqual(8);
  });
});
