import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../framework/schema.ts';
import { fixtureCatalogue, person } from '../testing/fixture.ts';
import { evaluate } from './evaluate.ts';

/** The evaluation context's two inputs beyond the person: the day of the check, and items recognised as prior learning. */
const catalogue = fixtureCatalogue();
const maths = (grade: string, scheme = 'gcse-9-1') => ({ subject: 'maths' as const, scheme, grade });

describe('parts of a rule dated by the day they took effect', () => {
  const waiver: Requirement = {
    type: 'anyOf',
    of: [
      { type: 'ageAtStart', atLeast: 19, effectiveFrom: '2025-02-11' },
      { type: 'subjectLevel', subject: 'maths', atLeast: 'L2', action: 'achieve Level 2 maths' },
    ],
  };
  const adult = person({ ageAtApprenticeshipStart: 25 });

  it('does not count a dated part on a check before its day, counts it from the day, and counts it on an undated check', () => {
    const before = evaluate(waiver, adult, catalogue, { phase: 'primary', on: '2025-02-10' });
    expect(before.status).toBe('not-met');
    expect(before.children[0]).toMatchObject({
      type: 'ageAtStart',
      status: 'not-met',
      evidence: ['only counts from 11 February 2025'],
      inForceFrom: '2025-02-11',
    });
    expect(before.children[0]?.action).toBeUndefined();
    expect(evaluate(waiver, adult, catalogue, { phase: 'primary', on: '2025-02-11' }).status).toBe('met');
    // Planning a route is not dated: the rule as it stands.
    expect(evaluate(waiver, adult, catalogue, { phase: 'primary' }).status).toBe('met');
    // On the day, the other way still works for whoever holds it.
    expect(
      evaluate(waiver, person({ ageAtApprenticeshipStart: 17, achievements: [maths('L2', 'functional-skills')] }), catalogue, {
        phase: 'primary',
        on: '2025-02-10',
      }).status,
    ).toBe('met');
  });
});

describe('items recognised as prior learning', () => {
  it('count as met without a judgement, listed apart from those judged met, and only when the context names them', () => {
    const rule: Requirement = { type: 'itemsMet', codes: ['S.1', 'S.2', 'S.3'] };
    const state = person({ judgements: { 'S.1': 'met', 'S.2': 'developing' } });
    const recognised = evaluate(rule, state, catalogue, { phase: 'primary', recognised: ['S.2', 'S.3', 'S.4'] });
    expect(recognised.status).toBe('met');
    expect(recognised.items).toMatchObject({ total: 3, met: ['S.1'], missing: [], developing: [], recognised: ['S.2', 'S.3'] });
    expect(recognised.evidence).toEqual(['1/3 judged met', '2/3 recognised prior learning: S.2 — S.2; S.3 — S.3']);
    const without = evaluate(rule, state, catalogue, { phase: 'primary' });
    expect(without.status).toBe('partial');
    expect(without.items?.recognised).toBeUndefined();
  });
});
