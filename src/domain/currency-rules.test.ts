import { beforeAll, describe, expect, it } from 'vitest';
import { PersonState, type PersonStateInput } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import type { Requirement, StatusKind } from '../framework/schema.ts';
import { ageAtApprenticeshipStart } from './achievements.ts';
import { evaluate } from './requirements/index.ts';

/**
 * Rules made current in issue 10, on the shipped data: the apprenticeship English and maths rule
 * by age at the start (since 11 February 2025), and HLTA status held either way.
 */

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const person = (input: Partial<PersonStateInput>) => PersonState.parse({ phase: 'primary', nation: 'England', ...input });
const englishMathsRule = () => {
  const rule = catalogue.requirementsFor('ST1414', 'gateway').find((r) => r.id === 'st1414-english-maths');
  if (!rule) throw new Error('the ST1414 English and maths rule is missing');
  return rule;
};
const gateway = (state: PersonState) => evaluate(englishMathsRule().requirement, state, catalogue, { phase: 'primary' });
const fsMaths1 = { subject: 'maths', scheme: 'functional-skills', grade: 'L1' } as const;
const gcseEnglish4 = { subject: 'english', scheme: 'gcse-9-1', grade: '4' } as const;

describe('ST1414 English and maths at the gateway', () => {
  it('does not ask a TA who started the apprenticeship at 34 for Level 2 maths (rule since 11 February 2025)', () => {
    // Born 1991-09-15, started 2025-09-01: aged 33 at the start (birthday not yet reached). GCSE English 4,
    // Functional Skills maths Level 1 only: before 11 February 2025 she would have needed Level 2 maths.
    const state = person({ achievements: [gcseEnglish4, fsMaths1], dateOfBirth: '1991-09-15', apprenticeshipStartDate: '2025-09-01' });
    expect(ageAtApprenticeshipStart(state)).toBe(33);
    expect(gateway(state).status).toBe('met');
  });

  it('still asks an apprentice who was 17 at the start for Level 2 English and maths', () => {
    const state = person({ achievements: [gcseEnglish4, fsMaths1], ageAtApprenticeshipStart: 17 });
    const node = gateway(state);
    expect(node.status).not.toBe('met');
    expect(JSON.stringify(node)).toContain('Maths at Level 2');
  });

  it('asks for the date of birth and start date when the age at the start is not recorded, and keeps the seed rule', () => {
    const state = person({ achievements: [gcseEnglish4, fsMaths1] });
    const node = gateway(state);
    expect(node.status).not.toBe('met');
    expect(node.children[0]?.evidence).toEqual(['age at the start of the apprenticeship not recorded']);
    expect(node.children[0]?.action).toMatch(/date of birth/);
    // Level 2 English and maths still meets it whatever the age.
    expect(gateway(person({ achievements: [gcseEnglish4, { subject: 'maths', scheme: 'gcse-9-1', grade: '4' }] })).status).toBe('met');
  });

  it('records the change with its public source, as a versioned note on the rule', () => {
    const note = englishMathsRule().notes?.find((n) => n.kind === 'supersession');
    expect(note?.text).toContain('11 February 2025');
    expect(note?.provenance).toMatchObject({ origin: 'pathways', source: expect.stringMatching(/^https:\/\/help\.apprenticeships/) });
  });
});

describe('HLTA status held either way', () => {
  const status = (accepts?: StatusKind[]) => ({ type: 'status', id: 'HLTA_STATUS', ...(accepts ? { accepts } : {}) }) satisfies Requirement;

  it('counts school recognition and external assessment for "HLTA status", as the data says', () => {
    for (const kind of ['school-recognition', 'external-assessment'] as const) {
      const state = person({ achievements: [{ status: 'HLTA_STATUS', kind }] });
      expect(evaluate(status(), state, catalogue, { phase: 'primary' }).status).toBe('met');
    }
    // A status recorded before kinds existed is the headteacher's recognition.
    expect(evaluate(status(), person({ achievements: [{ status: 'HLTA_STATUS' }] }), catalogue, { phase: 'primary' }).status).toBe('met');
  });

  it('accepts only the named kind where a rule says so', () => {
    const school = person({ achievements: [{ status: 'HLTA_STATUS', kind: 'school-recognition' }] });
    const external = person({ achievements: [{ status: 'HLTA_STATUS', kind: 'external-assessment' }] });
    const onlyExternal = status(['external-assessment']);
    expect(evaluate(onlyExternal, school, catalogue, { phase: 'primary' }).status).toBe('not-met');
    expect(evaluate(onlyExternal, external, catalogue, { phase: 'primary' }).status).toBe('met');
  });

  it('no longer claims there is no national register: the HLTA National Assessment Partnership is recorded', () => {
    const framework = catalogue.framework('hlta-standards');
    const texts = (framework?.notes ?? []).map((n) => n.text).join('\n');
    expect(texts).not.toMatch(/no national register/i);
    expect(texts).toContain('HLTA National Assessment Partnership');
    expect(catalogue.status('HLTA_STATUS')?.kinds?.map((k) => k.kind)).toEqual(['school-recognition', 'external-assessment']);
  });
});

describe('currency of the frameworks', () => {
  it('marks the NJC profiles as possibly replaced by the School Support Staff Negotiating Body, with the date checked', () => {
    expect(catalogue.framework('njc-role-profiles')?.mayBeReplacedBy).toMatchObject({
      title: expect.stringContaining('School Support Staff Negotiating Body'),
      checkedOn: '2026-12-03',
    });
    expect(catalogue.framework('njc-role-profiles')?.status).toBe('current');
  });

  it('names the Secretary of State and Skills England (in the Department for Work and Pensions) for ST1414', () => {
    const st1414 = catalogue.framework('st1414');
    expect(st1414?.publisher).toMatch(/Secretary of State.*Skills England.*Department for Work and Pensions/s);
    expect(st1414?.approval).toMatchObject({ status: 'approved-for-delivery', version: '1.0', checkedOn: '2026-12-03' });
  });
});
