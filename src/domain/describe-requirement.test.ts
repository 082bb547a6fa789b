import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../framework/catalogue.ts';
import type { Framework, Requirement } from '../framework/schema.ts';
import { describeRequirement } from './describe-requirement.ts';

const provenance = { origin: 'pathways', reason: 'a fixture for the requirement describer tests' } as const;

const fixture: Framework = {
  id: 'fixture',
  title: 'Fixture framework',
  publisher: 'Pathways tests',
  version: '1',
  status: 'current',
  nations: ['England'],
  description: 'A tiny framework for tests.',
  provenance,
  qualifications: [
    { id: 'Q.L3', title: 'Level 3 Certificate in Supporting Teaching', scheme: 'QCF', kind: 'certificate', level: 3, provenance },
  ],
  roles: [{ id: 'TA9', title: 'Teaching Assistant Level 9', track: 'teaching-assistant', level: { value: 5, provenance }, provenance }],
};

const catalogue = buildCatalogue([{ file: 'fixture.yaml', framework: fixture }]);

describe('describeRequirement', () => {
  it('turns a tree into nested plain-English lines, inheriting strength', () => {
    const line = describeRequirement(
      {
        type: 'anyOf',
        strength: 'indicative',
        of: [
          { type: 'qualification', id: 'Q.L3' },
          {
            type: 'allOf',
            of: [
              { type: 'subjectLevel', subject: 'english', atLeast: 'E3' },
              { type: 'flag', flag: 'ehcpOrStatement', strength: 'required' },
            ],
          },
        ],
      },
      catalogue,
    );
    expect(line).toEqual({
      text: 'One of the following',
      strength: 'indicative',
      children: [
        { text: 'Hold the Level 3 Certificate in Supporting Teaching', strength: 'indicative', children: [] },
        {
          text: 'All of the following',
          strength: 'indicative',
          children: [
            { text: 'English at Entry Level 3 or above', strength: 'indicative', children: [] },
            { text: 'You have an education, health and care plan or a legacy statement', strength: 'required', children: [] },
          ],
        },
      ],
    });
  });

  it('prefers the data’s own label and keeps its next step', () => {
    const line = describeRequirement(
      { type: 'subjectLevel', subject: 'maths', atLeast: 'L2', label: 'maths at Level 2', action: 'take Functional Skills maths' },
      catalogue,
    );
    expect(line).toEqual({ text: 'Maths at Level 2', strength: 'required', action: 'take Functional Skills maths', children: [] });
  });

  const cases: [Requirement, string][] = [
    [
      {
        type: 'atLeast',
        count: 2,
        of: [
          { type: 'role', id: 'TA9' },
          { type: 'degree', kind: 'foundation' },
        ],
      },
      'At least 2 of the following',
    ],
    [{ type: 'credits', level: 6, atLeast: 60 }, 'At least 60 credits at Level 6'],
    [{ type: 'qualificationAtLevel', level: 'E3' }, 'A qualification at Entry Level 3'],
    [{ type: 'role', id: 'TA9' }, 'Experience as Teaching Assistant Level 9'],
    [{ type: 'itemsMet', codes: Array.from({ length: 33 }, (_, i) => `HLTA.${i + 1}`) }, 'Meet all 33 of HLTA.1 to HLTA.33'],
    [
      { type: 'when', phases: ['primary'], require: { type: 'subjectLevel', subject: 'science', atLeast: 'L2' } },
      'In primary schools only',
    ],
    [{ type: 'degree', kind: 'honours-degree', orKinds: ['ordinary-degree'] }, 'An honours degree or ordinary degree'],
  ];

  it('describes a not as the thing it excludes, for people without it', () => {
    const line = describeRequirement({ type: 'not', requirement: { type: 'degree', kind: 'honours-degree' } }, catalogue);
    expect(line).toEqual({
      text: 'Only for people who do not hold the following',
      strength: 'required',
      children: [{ text: 'An honours degree', strength: 'required', children: [] }],
    });
  });

  it.each(cases)('describes %j', (requirement, text) => {
    expect(describeRequirement(requirement, catalogue).text).toBe(text);
  });
});
