import { type PersonState, type PersonStateInput, PersonState as PersonStateSchema } from '../../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../../framework/catalogue.ts';
import type { AdultLevel, Framework, GradeScheme, Requirement, RequirementRule } from '../../framework/schema.ts';

/** A small, self-contained framework for unit tests of the progression engine (no real data needed). */

const p = { origin: 'pathways', reason: 'unit-test fixture for the progression engine' } as const;

const scheme = (id: string, grades: GradeScheme['grades'], nations: GradeScheme['nations'] = ['England']): GradeScheme => ({
  id,
  title: id,
  nations,
  subjects: ['english', 'maths', 'science'],
  grades,
  provenance: p,
});

const grades = (names: string[], level: AdultLevel): GradeScheme['grades'] => names.map((grade) => ({ grade, level }));

const rule = (id: string, target: string, stage: RequirementRule['stage'], requirement: Requirement): RequirementRule => ({
  id,
  target,
  stage,
  requirement,
  provenance: p,
});

const duty = (code: string, parent: string) => ({ code, kind: 'duty' as const, text: `duty ${code}`, parent, provenance: p });
const role = (id: string, level: number, track: string) => ({
  id,
  title: `Role ${id}`,
  track,
  level: { value: level, provenance: p },
  provenance: p,
});

export const fixtureFramework = {
  id: 'fx',
  title: 'Fixture',
  publisher: 'tests',
  version: '1',
  status: 'current',
  nations: ['England', 'Wales'],
  description: 'fixture',
  provenance: p,
  roles: [
    role('R1', 1, 'ta'),
    role('R2', 2, 'ta'),
    role('R3', 3, 'ta'),
    role('A2', 2, 'asna'),
    {
      ...role('SP', 5, 'specialist'),
      options: [
        { id: 'X', title: 'X', provenance: p },
        { id: 'Y', title: 'Y', provenance: p },
      ],
    },
    role('TEACHER', 6, 'teacher'),
  ],
  statuses: [{ id: 'STATUS_S', title: 'Status S', awardedBy: 'head', provenance: p }],
  items: [
    ...['S.1', 'S.2', 'S.3', 'S.4'].map((code) => ({ code, kind: 'standard' as const, text: code, provenance: p })),
    { code: 'K.1', kind: 'knowledge', text: 'K1', provenance: p },
    { code: 'K.2', kind: 'knowledge', text: 'K2', options: ['X'], provenance: p },
    { code: 'K.3', kind: 'knowledge', text: 'K3', options: ['Y'], provenance: p },
    duty('R1.D1', 'R1'),
    duty('R1.D2', 'R1'),
    duty('R2.D1', 'R2'),
    duty('R2.D2', 'R2'),
    duty('R2.D3', 'R2'),
    duty('R3.D1', 'R3'),
    duty('R3.D2', 'R3'),
    duty('R3.D3', 'R3'),
    duty('R3.D3a', 'R3.D3'),
    duty('R3.D3b', 'R3.D3'),
    duty('A2.D1', 'A2'),
    duty('A2.D2', 'A2'),
    duty('A2.D3', 'A2'),
    duty('A2.D4', 'A2'),
  ],
  qualifications: [
    { id: 'Q.L2', title: 'L2 Certificate', scheme: 'QCF', kind: 'certificate', level: 2, subject: 'stl', credits: 20, provenance: p },
    { id: 'Q.L3', title: 'L3 Certificate', scheme: 'RQF', kind: 'certificate', level: 3, subject: 'stl', tqtHours: 300, provenance: p },
    {
      id: 'APP',
      title: 'Apprenticeship',
      scheme: 'apprenticeship-standard',
      kind: 'apprenticeship',
      level: 5,
      durationMonths: { value: 24, provenance: p },
      provenance: p,
    },
    {
      id: 'FD',
      title: 'Foundation degree',
      scheme: 'higher-education',
      kind: 'foundation-degree',
      level: 5,
      durationMonths: { value: 24, provenance: p },
      provenance: p,
    },
    {
      id: 'TOPUP',
      title: 'Honours top-up',
      scheme: 'higher-education',
      kind: 'honours-degree',
      level: 6,
      creditRange: { min: 60, max: 120, level: 6, provenance: p },
      provenance: p,
    },
    {
      id: 'ITT',
      title: 'Initial teacher training',
      scheme: 'teacher-training',
      kind: 'itt',
      level: 6,
      durationMonths: { value: 12, provenance: p },
      provenance: p,
    },
    { id: 'ODD', title: 'Unknown-size course', scheme: 'other', kind: 'course', level: 4, provenance: p },
  ],
  gradeSchemes: [
    scheme('gcse-9-1', [...grades(['9', '8', '7', '6', '5', '4'], 'L2'), ...grades(['3', '2', '1'], 'L1')]),
    scheme('gcse-legacy', [...grades(['A*', 'A', 'B', 'C'], 'L2'), ...grades(['D', 'E', 'F', 'G'], 'L1')]),
    scheme('functional-skills', [
      { grade: 'L2', level: 'L2' },
      { grade: 'L1', level: 'L1' },
      { grade: 'E3', level: 'E3' },
      { grade: 'E2', level: 'E2' },
      { grade: 'E1', level: 'E1' },
    ]),
    scheme(
      'essential-skills-wales',
      [
        { grade: 'L2', level: 'L2' },
        { grade: 'L1', level: 'L1' },
        { grade: 'E3', level: 'E3' },
      ],
      ['Wales'],
    ),
  ],
  creditRules: { hoursPerCredit: 10, sizes: [{ kind: 'award', minCredits: 0, maxCredits: 12 }], provenance: p },
  associations: [
    { type: 'precedes', from: 'R1', to: 'R2', provenance: p },
    { type: 'precedes', from: 'R2', to: 'R3', provenance: p },
    { type: 'precedes', from: 'Q.L3', to: 'FD', provenance: p },
    { type: 'precedes', from: 'FD', to: 'TOPUP', provenance: p },
    { type: 'precedes', from: 'TOPUP', to: 'ITT', provenance: p },
    { type: 'precedes', from: 'ITT', to: 'TEACHER', provenance: p },
    { type: 'precedes', from: 'APP', to: 'SP', provenance: p },
    { type: 'precedes', from: 'R3', to: 'STATUS_S', provenance: p },
    { type: 'exactMatchOf', from: 'A2.D1', to: 'R2.D1', provenance: p },
    { type: 'exactMatchOf', from: 'A2.D2', to: 'R2.D2', provenance: p },
    { type: 'exactMatchOf', from: 'R3.D1', to: 'R2.D3', provenance: p },
  ],
  requirements: [
    rule('itt-entry', 'ITT', 'entry', {
      type: 'allOf',
      of: [
        { type: 'subjectGrade', subject: 'english', atLeast: '4', schemes: ['gcse-9-1', 'gcse-legacy'] },
        { type: 'subjectGrade', subject: 'maths', atLeast: '4', schemes: ['gcse-9-1', 'gcse-legacy'] },
        {
          type: 'when',
          phases: ['primary'],
          require: { type: 'subjectGrade', subject: 'science', atLeast: '4', schemes: ['gcse-9-1', 'gcse-legacy'] },
        },
        { type: 'degree', kind: 'honours-degree' },
      ],
    }),
    rule('topup-entry', 'TOPUP', 'entry', { type: 'qualification', id: 'FD' }),
    rule('fd-entry', 'FD', 'entry', { type: 'qualificationAtLevel', level: 3 }),
    rule('teacher-hold', 'TEACHER', 'hold', { type: 'qualification', id: 'ITT' }),
    rule('status-award', 'STATUS_S', 'award', { type: 'itemsMet', set: { framework: 'fx', kinds: ['standard'] } }),
    rule('app-gateway', 'APP', 'gateway', {
      type: 'anyOf',
      of: [
        {
          type: 'allOf',
          of: [
            { type: 'subjectLevel', subject: 'english', atLeast: 'L2' },
            { type: 'subjectLevel', subject: 'maths', atLeast: 'L2' },
          ],
        },
        {
          type: 'allOf',
          of: [
            { type: 'flag', flag: 'ehcpOrStatement' },
            { type: 'subjectLevel', subject: 'english', atLeast: 'E3' },
            { type: 'subjectLevel', subject: 'maths', atLeast: 'E3' },
          ],
        },
      ],
    }),
    rule('app-ksbs', 'APP', 'gateway', { type: 'itemsMet', set: { framework: 'fx', kinds: ['knowledge'] } }),
    rule('r3-hold', 'R3', 'hold', { type: 'qualification', id: 'Q.L3', strength: 'indicative' }),
    rule('sp-hold', 'SP', 'hold', { type: 'qualification', id: 'APP' }),
  ],
} satisfies Framework;

/** The fixture catalogue, built through the real loader checks. */
export const fixtureCatalogue = (): Catalogue => buildCatalogue([{ file: 'fixture', framework: fixtureFramework }]);

/** A person state with defaults (primary, England, nothing held). */
export const person = (input: Partial<PersonStateInput> = {}): PersonState =>
  PersonStateSchema.parse({ phase: 'primary', nation: 'England', ...input });
