import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../framework/schema.ts';
import { fixtureCatalogue, person } from '../testing/fixture.ts';
import { evaluate } from './evaluate.ts';
import type { EvaluationContext } from './types.ts';

const catalogue = fixtureCatalogue();
const primary: EvaluationContext = { phase: 'primary' };
const eng = (grade: string, scheme = 'gcse-9-1') => ({ subject: 'english' as const, scheme, grade });
const gcse4 = (subject: 'english' | 'maths' | 'science'): Requirement => ({
  type: 'subjectGrade',
  subject,
  atLeast: '4',
  schemes: ['gcse-9-1', 'gcse-legacy'],
});

describe('evaluate: the tree it returns', () => {
  it('gives evidence for a met leaf and an action for an unmet one', () => {
    const met = evaluate(gcse4('english'), person({ achievements: [eng('5')] }), catalogue, primary);
    expect(met.evidence).toEqual(['gcse-9-1 English grade 5']);
    expect(met.action).toBeUndefined();
    const unmet = evaluate({ type: 'subjectLevel', subject: 'maths', atLeast: 'L2' }, person(), catalogue, primary);
    expect(unmet.action).toBe('achieve Level 2 maths — e.g. gcse-9-1 4');
  });

  it('uses the label and action written in the data', () => {
    const node = evaluate({ type: 'flag', flag: 'bsl', label: 'BSL', action: 'record it' }, person(), catalogue, primary);
    expect(node).toMatchObject({ label: 'BSL', action: 'record it', status: 'not-met' });
  });

  it('inherits strength from the parent and lets the data override it', () => {
    const node = evaluate(
      { type: 'allOf', strength: 'indicative', of: [gcse4('english'), { ...gcse4('maths'), strength: 'required' }] },
      person(),
      catalogue,
      primary,
    );
    expect(node.children.map((c) => c.strength)).toEqual(['indicative', 'required']);
  });

  it('lists the items still to be judged met', () => {
    const node = evaluate(
      { type: 'itemsMet', set: { framework: 'fx', kinds: ['standard'] } },
      person({ judgements: { 'S.1': 'met', 'S.2': 'developing' } }),
      catalogue,
      primary,
    );
    expect(node.items).toEqual({ framework: 'fx', total: 4, met: ['S.1'], developing: ['S.2'], missing: ['S.2', 'S.3', 'S.4'] });
    expect(node.action).toBe('have S.2 — S.2; S.3 — S.3; S.4 — S.4 judged met');
  });

  it('says why a phase condition does not apply', () => {
    const node = evaluate({ type: 'when', phases: ['primary'], require: gcse4('science') }, person({ phase: 'secondary' }), catalogue, {
      phase: 'secondary',
    });
    expect(node).toMatchObject({ status: 'met', applicable: false, evidence: ['not required in the secondary phase (only primary)'] });
  });
});
