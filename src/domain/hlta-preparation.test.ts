import { beforeAll, describe, expect, it } from 'vitest';
import { PersonState, type PersonStateInput } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { type EvidenceFileRules, type FileDocument, hltaPreparation } from './hlta-preparation.ts';

let catalogue: Catalogue;
let rules: EvidenceFileRules;
let standards: { code: string; text: string }[];

beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
  const file = catalogue.framework('hlta-standards')?.evidenceFile;
  if (!file) throw new Error('the HLTA standards carry no evidence-file rules');
  rules = file;
  standards = catalogue.items({ framework: 'hlta-standards', kind: 'standard' }).map((i) => ({ code: i.code, text: i.text }));
});

const state = (input: Partial<PersonStateInput> = {}) => PersonState.parse({ phase: 'primary', nation: 'England', ...input });
const english2 = { subject: 'english', scheme: 'functional-skills', grade: 'L2' } as const;
const maths2 = { subject: 'maths', scheme: 'gcse-9-1', grade: '4' } as const;
const level2 = [english2, maths2];
const doc = (n: number): FileDocument => ({
  evidenceId: `e${n}`,
  title: `Evidence ${n}`,
  kind: 'reflective-account',
  occurredOn: '2026-10-01',
});
const everyStandard = (count: number) => new Map(standards.map((s) => [s.code, Array.from({ length: count }, (_, i) => doc(i))]));
/** The preparation of a primary-phase person in England with these achievements and these chosen documents. */
const prepare = (
  achievements: PersonStateInput['achievements'],
  chosen: Map<string, FileDocument[]>,
  documentsPerStandard?: EvidenceFileRules['documentsPerStandard'],
) =>
  hltaPreparation({
    rules: documentsPerStandard ? { ...rules, documentsPerStandard } : rules,
    state: state({ achievements }),
    catalogue,
    context: { phase: 'primary' },
    standards,
    chosen,
  });

describe('HLTA evidence-file rules (framework data)', () => {
  it('are one or two documents per standard, numbered standard.document, with a public source', () => {
    // One or two documents is the guidance; a standard without one is a warning, not a blocker (issue 10).
    expect(rules.documentsPerStandard).toEqual({ min: 1, max: 2, belowMinimum: 'warning' });
    expect(rules.numbering).toBe('standard.document');
    expect(rules.provenance).toMatchObject({ origin: 'pathways', source: expect.stringMatching(/^https:\/\//) });
    expect(standards).toHaveLength(33);
  });
});

describe('hltaPreparation', () => {
  it.each([
    ['no English or maths', [], false, 2],
    ['English only', [english2], false, 1],
    ['Level 1 maths', [english2, { subject: 'maths', scheme: 'functional-skills', grade: 'L1' }], false, 1],
    ['English and maths at Level 2', level2, true, 0],
  ] as const)('entry check with %s', (_name, achievements, met, reasons) => {
    const result = prepare([...achievements], everyStandard(1));
    expect(result.entryMet).toBe(met);
    expect(result.problems).toHaveLength(reasons);
    expect(result.ready).toBe(met);
  });

  it.each([
    [0, 'few'],
    [1, 'ok'],
    [2, 'ok'],
    [3, 'too-many'],
  ] as const)('a standard with %i documents is %s', (count, status) => {
    const result = prepare(level2, everyStandard(count));
    expect(result.standards.every((s) => s.status === status)).toBe(true);
    // Too few documents is advice (published guidance lets a few standards go without); too many holds the file back.
    expect(result.ready).toBe(status !== 'too-many');
    if (status === 'too-many') expect(result.problems).toHaveLength(33);
    if (status === 'few') expect(result.warnings).toHaveLength(33);
  });

  it('holds the file back for a standard without a document only where the data makes the minimum a problem', () => {
    const chosen = everyStandard(1);
    chosen.set('HLTA.7', []);
    const strict = prepare(level2, chosen, { min: 1, max: 2 });
    expect(strict.ready).toBe(false);
    expect(strict.standards[6]?.status).toBe('missing');
    expect(strict.problems).toEqual(['Standard 7 has no document: choose at least 1']);
  });

  it('numbers documents in standards order, 1–33, with zero-padded file prefixes', () => {
    const result = prepare(level2, everyStandard(2));
    expect(result.standards.map((s) => s.number)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(result.standards[6]?.documents.map((d) => [d.label, d.filePrefix])).toEqual([
      ['7.1', '07.1'],
      ['7.2', '07.2'],
    ]);
    expect(result.standards[32]?.code).toBe('HLTA.33');
  });

  it('warns about the standard without a document and names the too-full one in its problems', () => {
    const chosen = everyStandard(1);
    chosen.set('HLTA.7', []);
    chosen.set('HLTA.8', [doc(1), doc(2), doc(3)]);
    const result = prepare(level2, chosen);
    expect(result.problems).toEqual(['Standard 8 has 3 documents: choose at most 2']);
    expect(result.warnings).toEqual([
      'Standard 7 has no document: the guidance is 1–2 per standard, though a few standards may go without',
    ]);
  });
});
