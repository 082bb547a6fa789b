import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonState } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import type { GradeScheme, Requirement, Subject } from '../framework/schema.ts';
import { evaluate } from './requirements/index.ts';
import { adultLevelRank } from './subject-levels.ts';

/** Level equivalence and grade acceptance over every scheme and grade in the real data, through the real interpreter. */

let catalogue: Catalogue;
let schemes: GradeScheme[];
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
  schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
});

const holding = (subject: Subject, scheme: string, grade: string): PersonState => ({
  phase: 'primary',
  nation: 'England',
  achievements: [{ subject, scheme, grade }],
  judgements: {},
  specialisms: [],
  flags: { ehcpOrStatement: false, bsl: false },
});

type GradeRule = Extract<Requirement, { type: 'subjectGrade' }>;
const gradeRules = (req: Requirement): GradeRule[] => {
  if (req.type === 'subjectGrade') return [req];
  if (req.type === 'allOf' || req.type === 'anyOf' || req.type === 'atLeast') return req.of.flatMap(gradeRules);
  if (req.type === 'when') return gradeRules(req.require);
  return [];
};

const heldGrade = () =>
  fc
    .constantFrom(...schemes)
    .chain((scheme) =>
      fc.record({ scheme: fc.constant(scheme), subject: fc.constantFrom(...scheme.subjects), grade: fc.constantFrom(...scheme.grades) }),
    );

describe('Level 2 or above in a subject', () => {
  it('holds for every scheme and grade exactly when the grade maps to Level 2 or above through the adult-skills equivalences', () => {
    for (const scheme of schemes)
      for (const subject of scheme.subjects)
        for (const grade of scheme.grades) {
          if (subject === 'ict') continue;
          const node = evaluate({ type: 'subjectLevel', subject, atLeast: 'L2' }, holding(subject, scheme.id, grade.grade), catalogue, {
            phase: 'primary',
          });
          const expected = grade.level !== null && adultLevelRank(grade.level) >= adultLevelRank('L2');
          expect(node.status === 'met', `${scheme.id} ${grade.grade}`).toBe(expected);
        }
  });
});

describe('a rule asking for a GCSE grade', () => {
  const rules = () => catalogue.requirementsFor('ITT.QTS', 'entry').flatMap((r) => gradeRules(r.requirement));

  it('is found in the data (QTS entry)', () => {
    expect(rules().length).toBeGreaterThan(0);
  });

  it('is never met by a scheme it does not list — Functional Skills or another nation’s equivalent — whatever the grade', () => {
    fc.assert(
      fc.property(heldGrade(), (held) => {
        for (const rule of rules()) {
          if (rule.schemes.includes(held.scheme.id) || held.subject === 'ict') continue;
          const node = evaluate(rule, holding(rule.subject, held.scheme.id, held.grade.grade), catalogue, { phase: 'primary' });
          expect(node.status).toBe('not-met');
        }
      }),
    );
  });

  it('is never met by Functional Skills, even at Level 2', () => {
    for (const rule of rules()) {
      const node = evaluate(rule, holding(rule.subject, 'functional-skills', 'L2'), catalogue, { phase: 'primary' });
      expect(node.status).toBe('not-met');
    }
  });

  it('counts a legacy C as a 4, and a legacy D as below it', () => {
    // Issue 10: each QTS subject line is one of several grade rules (GCSE 9–1, letter grades, the other
    // nations' equivalents), so the line — the any-of holding them — is what must count C as 4.
    const lines = catalogue
      .requirementsFor('ITT.QTS', 'entry')
      .flatMap((r) => (r.requirement.type === 'allOf' ? r.requirement.of : []))
      .flatMap((line) => (line.type === 'when' ? [line.require] : [line]))
      .filter((line) => line.type === 'anyOf' && gradeRules(line).length > 0);
    expect(lines.length).toBe(3);
    for (const line of lines) {
      const subject = gradeRules(line)[0]?.subject ?? 'english';
      expect(evaluate(line, holding(subject, 'gcse-legacy', 'C'), catalogue, { phase: 'primary' }).status).toBe('met');
      expect(evaluate(line, holding(subject, 'gcse-legacy', 'D'), catalogue, { phase: 'primary' }).status).toBe('not-met');
      expect(evaluate(line, holding(subject, 'gcse-9-1', '4'), catalogue, { phase: 'primary' }).status).toBe('met');
      expect(evaluate(line, holding(subject, 'gcse-9-1', '3'), catalogue, { phase: 'primary' }).status).toBe('not-met');
    }
  });
});
