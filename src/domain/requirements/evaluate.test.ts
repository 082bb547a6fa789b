import { describe, expect, it } from 'vitest';
import type { PersonStateInput } from '../../contracts/person-state.ts';
import type { Requirement } from '../../framework/schema.ts';
import { fixtureCatalogue, person } from '../testing/fixture.ts';
import { evaluate } from './evaluate.ts';
import type { EvaluationContext, RequirementStatus } from './types.ts';

const catalogue = fixtureCatalogue();

type Row = {
  name: string;
  requirement: Requirement;
  state: Partial<PersonStateInput>;
  context?: EvaluationContext;
  status: RequirementStatus;
};

const eng = (grade: string, scheme = 'gcse-9-1') => ({ subject: 'english' as const, scheme, grade });
const maths = (grade: string, scheme = 'gcse-9-1') => ({ subject: 'maths' as const, scheme, grade });
const gcse4 = (subject: 'english' | 'maths' | 'science'): Requirement => ({
  type: 'subjectGrade',
  subject,
  atLeast: '4',
  schemes: ['gcse-9-1', 'gcse-legacy'],
});

const rows: Row[] = [
  {
    name: 'qualification held by id',
    requirement: { type: 'qualification', id: 'Q.L3' },
    state: { achievements: [{ qualification: 'Q.L3' }] },
    status: 'met',
  },
  {
    name: 'qualification not held',
    requirement: { type: 'qualification', id: 'Q.L3' },
    state: { achievements: [{ qualification: 'Q.L2' }] },
    status: 'not-met',
  },
  {
    name: 'HE qualification held as a degree of its kind',
    requirement: { type: 'qualification', id: 'FD' },
    state: { achievements: [{ degree: 'foundation-degree', credits: 240, level: 5 }] },
    status: 'met',
  },
  {
    name: 'qualification at level: higher level counts',
    requirement: { type: 'qualificationAtLevel', level: 2 },
    state: { achievements: [{ qualification: 'Q.L3' }] },
    status: 'met',
  },
  {
    name: 'qualification at level: lower level does not',
    requirement: { type: 'qualificationAtLevel', level: 3 },
    state: { achievements: [{ qualification: 'Q.L2' }] },
    status: 'not-met',
  },
  {
    name: 'qualification at level with subject',
    requirement: { type: 'qualificationAtLevel', level: 3, subject: 'stl' },
    state: { achievements: [{ qualification: 'Q.L3' }] },
    status: 'met',
  },
  {
    name: 'qualification at level with the wrong subject',
    requirement: { type: 'qualificationAtLevel', level: 3, subject: 'maths' },
    state: { achievements: [{ qualification: 'Q.L3' }] },
    status: 'not-met',
  },
  {
    name: 'qualification at level: a degree counts',
    requirement: { type: 'qualificationAtLevel', level: 3 },
    state: { achievements: [{ degree: 'foundation-degree', credits: 240, level: 5 }] },
    status: 'met',
  },
  {
    name: 'subject level via GCSE 4',
    requirement: { type: 'subjectLevel', subject: 'english', atLeast: 'L2' },
    state: { achievements: [eng('4')] },
    status: 'met',
  },
  {
    name: 'subject level via Functional Skills L2',
    requirement: { type: 'subjectLevel', subject: 'maths', atLeast: 'L2' },
    state: { achievements: [maths('L2', 'functional-skills')] },
    status: 'met',
  },
  {
    name: 'subject level via Essential Skills Wales L2',
    requirement: { type: 'subjectLevel', subject: 'maths', atLeast: 'L2' },
    state: { nation: 'Wales', achievements: [maths('L2', 'essential-skills-wales')] },
    status: 'met',
  },
  {
    name: 'subject level: GCSE 3 is only Level 1',
    requirement: { type: 'subjectLevel', subject: 'maths', atLeast: 'L2' },
    state: { achievements: [maths('3')] },
    status: 'not-met',
  },
  {
    name: 'subject level Entry 3 reached by E3',
    requirement: { type: 'subjectLevel', subject: 'english', atLeast: 'E3' },
    state: { achievements: [eng('E3', 'functional-skills')] },
    status: 'met',
  },
  {
    name: 'subject level: other subject does not count',
    requirement: { type: 'subjectLevel', subject: 'english', atLeast: 'L1' },
    state: { achievements: [maths('9')] },
    status: 'not-met',
  },
  { name: 'subject grade by position', requirement: gcse4('english'), state: { achievements: [eng('5')] }, status: 'met' },
  { name: 'subject grade below threshold', requirement: gcse4('maths'), state: { achievements: [maths('3')] }, status: 'not-met' },
  {
    name: 'subject grade in legacy letters (C ≈ 4)',
    requirement: gcse4('maths'),
    state: { achievements: [maths('C', 'gcse-legacy')] },
    status: 'met',
  },
  {
    name: 'subject grade: legacy D is below 4',
    requirement: gcse4('maths'),
    state: { achievements: [maths('D', 'gcse-legacy')] },
    status: 'not-met',
  },
  {
    name: 'subject grade: Functional Skills L2 is equivalent but not accepted',
    requirement: gcse4('maths'),
    state: { achievements: [maths('L2', 'functional-skills')] },
    status: 'not-met',
  },
  {
    name: 'items met: listed codes all met',
    requirement: { type: 'itemsMet', codes: ['S.1', 'S.2'] },
    state: { judgements: { 'S.1': 'met', 'S.2': 'met' } },
    status: 'met',
  },
  {
    name: 'items met: some developing is partial',
    requirement: { type: 'itemsMet', codes: ['S.1', 'S.2'] },
    state: { judgements: { 'S.1': 'developing' } },
    status: 'partial',
  },
  {
    name: 'items met: none started',
    requirement: { type: 'itemsMet', codes: ['S.1'] },
    state: { judgements: { 'S.1': 'not-started' } },
    status: 'not-met',
  },
  {
    name: 'items met: a whole set',
    requirement: { type: 'itemsMet', set: { framework: 'fx', kinds: ['standard'] } },
    state: { judgements: { 'S.1': 'met', 'S.2': 'met', 'S.3': 'met', 'S.4': 'met' } },
    status: 'met',
  },
  {
    name: 'items met: core plus chosen option (other option ignored)',
    requirement: { type: 'itemsMet', set: { framework: 'fx', kinds: ['knowledge'] } },
    state: { judgements: { 'K.1': 'met', 'K.2': 'met' } },
    context: { phase: 'primary', option: 'X' },
    status: 'met',
  },
  {
    name: 'items met: the option named in the data wins',
    requirement: { type: 'itemsMet', set: { framework: 'fx', kinds: ['knowledge'], option: 'Y' } },
    state: { judgements: { 'K.1': 'met', 'K.2': 'met' } },
    context: { phase: 'primary', option: 'X' },
    status: 'partial',
  },
  { name: 'specialism chosen', requirement: { type: 'specialism', anyOf: ['a', 'b'] }, state: { specialisms: ['b'] }, status: 'met' },
  {
    name: 'specialism not chosen',
    requirement: { type: 'specialism', anyOf: ['a', 'b'] },
    state: { specialisms: ['c'] },
    status: 'not-met',
  },
  {
    name: 'credits at level reached by units',
    requirement: { type: 'credits', level: 3, atLeast: 20 },
    state: {
      achievements: [
        {
          units: [
            { level: 3, credits: 12 },
            { level: 4, credits: 8 },
          ],
        },
      ],
    },
    status: 'met',
  },
  {
    name: 'credits at level: lower-level units do not count',
    requirement: { type: 'credits', level: 3, atLeast: 20 },
    state: { achievements: [{ units: [{ level: 2, credits: 30 }] }] },
    status: 'not-met',
  },
  {
    name: 'credits at level: some is partial',
    requirement: { type: 'credits', level: 6, atLeast: 60 },
    state: { achievements: [{ units: [{ level: 6, credits: 30 }] }] },
    status: 'partial',
  },
  {
    name: 'credits from a qualification credit range',
    requirement: { type: 'credits', level: 6, atLeast: 60 },
    state: { achievements: [{ qualification: 'TOPUP' }] },
    status: 'met',
  },
  {
    name: 'degree by kind',
    requirement: { type: 'degree', kind: 'foundation-degree' },
    state: { achievements: [{ degree: 'foundation-degree', credits: 240, level: 5 }] },
    status: 'met',
  },
  {
    name: 'degree via a held qualification of that kind',
    requirement: { type: 'degree', kind: 'honours-degree' },
    state: { achievements: [{ qualification: 'TOPUP' }] },
    status: 'met',
  },
  {
    name: 'degree of another kind',
    requirement: { type: 'degree', kind: 'honours-degree' },
    state: { achievements: [{ degree: 'foundation-degree', credits: 240, level: 5 }] },
    status: 'not-met',
  },
  { name: 'role held', requirement: { type: 'role', id: 'R2' }, state: { role: 'R2' }, status: 'met' },
  { name: 'role held through a later role', requirement: { type: 'role', id: 'R1' }, state: { role: 'R3' }, status: 'met' },
  { name: 'role not held (earlier role)', requirement: { type: 'role', id: 'R3' }, state: { role: 'R1' }, status: 'not-met' },
  {
    name: 'status awarded',
    requirement: { type: 'status', id: 'STATUS_S' },
    state: { achievements: [{ status: 'STATUS_S' }] },
    status: 'met',
  },
  { name: 'status not awarded', requirement: { type: 'status', id: 'STATUS_S' }, state: {}, status: 'not-met' },
  { name: 'flag set', requirement: { type: 'flag', flag: 'ehcpOrStatement' }, state: { flags: { ehcpOrStatement: true } }, status: 'met' },
  { name: 'flag not set', requirement: { type: 'flag', flag: 'bsl' }, state: {}, status: 'not-met' },
  {
    name: 'when: applies in its phase',
    requirement: { type: 'when', phases: ['primary'], require: gcse4('science') },
    state: { achievements: [] },
    status: 'not-met',
  },
  {
    name: 'when: met outside its phases',
    requirement: { type: 'when', phases: ['primary'], require: gcse4('science') },
    state: { phase: 'secondary' },
    context: { phase: 'secondary' },
    status: 'met',
  },
  {
    name: 'allOf all met',
    requirement: { type: 'allOf', of: [gcse4('english'), gcse4('maths')] },
    state: { achievements: [eng('4'), maths('4')] },
    status: 'met',
  },
  {
    name: 'allOf some met is partial',
    requirement: { type: 'allOf', of: [gcse4('english'), gcse4('maths')] },
    state: { achievements: [eng('4'), maths('3')] },
    status: 'partial',
  },
  { name: 'allOf none met', requirement: { type: 'allOf', of: [gcse4('english'), gcse4('maths')] }, state: {}, status: 'not-met' },
  {
    name: 'allOf: an unmet indicative child is advice, not a barrier',
    requirement: { type: 'allOf', of: [gcse4('english'), { type: 'qualification', id: 'Q.L3', strength: 'indicative' }] },
    state: { achievements: [eng('4')] },
    status: 'met',
  },
  {
    name: 'anyOf one met',
    requirement: { type: 'anyOf', of: [gcse4('english'), gcse4('maths')] },
    state: { achievements: [maths('4')] },
    status: 'met',
  },
  { name: 'anyOf none met', requirement: { type: 'anyOf', of: [gcse4('english'), gcse4('maths')] }, state: {}, status: 'not-met' },
  {
    name: 'anyOf with a partial child is partial',
    requirement: { type: 'anyOf', of: [{ type: 'itemsMet', codes: ['S.1', 'S.2'] }, gcse4('maths')] },
    state: { judgements: { 'S.1': 'met' } },
    status: 'partial',
  },
  {
    name: 'atLeast n reached',
    requirement: { type: 'atLeast', count: 2, of: [gcse4('english'), gcse4('maths'), gcse4('science')] },
    state: { achievements: [eng('4'), maths('6')] },
    status: 'met',
  },
  {
    name: 'atLeast n not reached is partial',
    requirement: { type: 'atLeast', count: 2, of: [gcse4('english'), gcse4('maths'), gcse4('science')] },
    state: { achievements: [eng('4')] },
    status: 'partial',
  },
  {
    name: 'not: met without what it excludes (no degree held)',
    requirement: { type: 'not', requirement: { type: 'degree', kind: 'honours-degree' } },
    state: { achievements: [{ degree: 'foundation-degree', credits: 240, level: 5 }] },
    status: 'met',
  },
  {
    name: 'not: unmet when the excluded thing is held (a graduate)',
    requirement: { type: 'not', requirement: { type: 'degree', kind: 'honours-degree' } },
    state: { achievements: [{ degree: 'honours-degree', credits: 360, level: 6 }] },
    status: 'not-met',
  },
  {
    name: 'not: progress towards what it excludes (some credits) still leaves it met',
    requirement: { type: 'not', requirement: { type: 'credits', level: 6, atLeast: 60 } },
    state: { achievements: [{ units: [{ level: 6, credits: 20 }] }] },
    status: 'met',
  },
];

describe('evaluate: every requirement kind', () => {
  it.each(rows)('$name → $status', ({ requirement, state, context, status }) => {
    const p = person(state);
    expect(evaluate(requirement, p, catalogue, context ?? { phase: p.phase, nation: p.nation }).status).toBe(status);
  });

  it('covers every requirement type in the table', () => {
    const kinds = new Set<string>(rows.map((r) => r.requirement.type));
    for (const kind of [
      'allOf',
      'anyOf',
      'atLeast',
      'qualification',
      'qualificationAtLevel',
      'subjectLevel',
      'subjectGrade',
      'itemsMet',
      'specialism',
      'credits',
      'degree',
      'role',
      'status',
      'flag',
      'when',
      'not',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });
});

describe('evaluate: not', () => {
  it('says why it is unmet and that nothing can be done, and shows the evidence that excludes the person', () => {
    // The teacher degree apprenticeship is only for people without a degree: a graduate cannot "do" anything to meet it.
    const graduate = person({ achievements: [{ degree: 'honours-degree', credits: 360, level: 6 }] });
    const node = evaluate(
      { type: 'not', label: 'No degree held', requirement: { type: 'degree', kind: 'honours-degree', label: 'a degree' } },
      graduate,
      catalogue,
      { phase: 'primary' },
    );
    expect(node).toMatchObject({
      status: 'not-met',
      label: 'No degree held',
      evidence: ['holds an honours degree'],
      action: 'none: only for people without a degree',
    });
    expect(node.children[0]?.status).toBe('met');
    const nonGraduate = evaluate(
      { type: 'not', requirement: { type: 'degree', kind: 'honours-degree', label: 'a degree' } },
      person(),
      catalogue,
      { phase: 'primary' },
    );
    expect(nonGraduate).toMatchObject({ status: 'met', label: 'without a degree', evidence: ['does not hold a degree'] });
    expect(nonGraduate.action).toBeUndefined();
  });
});
