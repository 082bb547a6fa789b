import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../contracts/errors.ts';
import { buildCatalogue } from './catalogue.ts';
import { parseFrameworkFile, readFrameworkFiles } from './load.ts';

const pathways = { origin: 'pathways', reason: 'a fixture written for this test' };
const minimal = (extra: Record<string, unknown> = {}) => ({
  id: 'fixture',
  title: 'Fixture',
  publisher: 'Tests',
  version: '1',
  status: 'current',
  nations: ['England'],
  description: 'A fixture framework.',
  provenance: pathways,
  ...extra,
});
const yaml = (value: unknown) => JSON.stringify(value, null, 2);

const failure = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('parseFrameworkFile', () => {
  it('accepts a valid framework', () => {
    const { framework } = parseFrameworkFile('fixture.yaml', yaml(minimal()));
    expect(framework.id).toBe('fixture');
  });

  it('names the file and line of a YAML syntax error', () => {
    const error = failure(() => parseFrameworkFile('broken.yaml', 'id: x\n  title: [unclosed\n'));
    expect(error.code).toBe('framework_invalid');
    expect(error.message).toContain('broken.yaml');
    expect(error.details[0]?.where).toMatch(/^broken\.yaml:\d+/);
  });

  it('names the file, the path inside it and the reason for a schema violation', () => {
    const bad = minimal({
      items: [
        { code: 'X.1', kind: 'duty', text: 'Do a thing', provenance: pathways },
        { code: 'X.2', kind: 'wish', text: 'x', provenance: pathways },
      ],
    });
    const error = failure(() => parseFrameworkFile('bad.yaml', yaml(bad)));
    expect(error.details).toContainEqual(expect.objectContaining({ where: 'bad.yaml.items[1].kind' }));
  });

  it('refuses an item with no provenance', () => {
    const error = failure(() =>
      parseFrameworkFile('bad.yaml', yaml(minimal({ items: [{ code: 'X.1', kind: 'duty', text: 'Do a thing' }] }))),
    );
    expect(error.details.map((d) => d.where)).toContain('bad.yaml.items[0].provenance');
  });

  it('refuses a seed provenance that names no real seed file', () => {
    const item = { code: 'X.1', kind: 'duty', text: 'x', provenance: { seed: 'notes.txt', section: '1' } };
    const error = failure(() => parseFrameworkFile('bad.yaml', yaml(minimal({ items: [item] }))));
    expect(error.details[0]?.where).toContain('items[0].provenance');
  });
});

describe('buildCatalogue', () => {
  const source = (framework: unknown, file = 'f.yaml') => parseFrameworkFile(file, yaml(framework));

  it('reports an unknown parent, association end and requirement reference with the file', () => {
    const framework = minimal({
      items: [{ code: 'X.1', kind: 'duty', text: 'x', parent: 'X.missing', provenance: pathways }],
      associations: [{ type: 'precedes', from: 'X.1', to: 'NOWHERE', provenance: pathways }],
      requirements: [
        { id: 'r', target: 'X.1', stage: 'hold', provenance: pathways, requirement: { type: 'qualification', id: 'QCF.NOPE' } },
      ],
    });
    const error = failure(() => buildCatalogue([source(framework)]));
    expect(error.code).toBe('framework_invalid');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { where: 'f.yaml: items[0].parent', reason: 'unknown parent X.missing of X.1' },
        { where: 'f.yaml: associations[0].to', reason: 'unknown code NOWHERE' },
        { where: 'f.yaml: requirements[0].requirement.id', reason: 'unknown qualification QCF.NOPE' },
      ]),
    );
  });

  it('checks inside a not: its references, no double negation, no strength inside it', () => {
    const framework = minimal({
      items: [{ code: 'X.1', kind: 'duty', text: 'x', provenance: pathways }],
      requirements: [
        {
          id: 'r',
          target: 'X.1',
          stage: 'entry',
          provenance: pathways,
          requirement: {
            type: 'allOf',
            of: [
              { type: 'not', requirement: { type: 'qualification', id: 'QCF.NOPE' } },
              { type: 'not', requirement: { type: 'not', requirement: { type: 'degree', kind: 'honours-degree' } } },
              { type: 'not', requirement: { type: 'degree', kind: 'honours-degree', strength: 'indicative' } },
            ],
          },
        },
      ],
    });
    const error = failure(() => buildCatalogue([source(framework)]));
    expect(error.details).toEqual(
      expect.arrayContaining([
        { where: 'f.yaml: requirements[0].requirement.of[0].requirement.id', reason: 'unknown qualification QCF.NOPE' },
        { where: 'f.yaml: requirements[0].requirement.of[1].requirement', reason: 'a not of a not: write the requirement itself' },
        {
          where: 'f.yaml: requirements[0].requirement.of[2].requirement.strength',
          reason: 'set the strength on the not, not inside it (what is excluded is neither required nor advice)',
        },
      ]),
    );
  });

  it('refuses the same code in two frameworks', () => {
    const item = { code: 'X.1', kind: 'duty', text: 'x', provenance: pathways };
    const error = failure(() =>
      buildCatalogue([source(minimal({ items: [item] }), 'a.yaml'), source(minimal({ id: 'other', items: [item] }), 'b.yaml')]),
    );
    expect(error.details).toContainEqual({ where: 'b.yaml: X.1', reason: 'code already used in framework fixture' });
  });

  it('fails start-up on a malformed file in the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathways-frameworks-'));
    await writeFile(join(dir, 'good.yaml'), yaml(minimal()));
    await writeFile(join(dir, 'bad.yaml'), yaml(minimal({ id: 'bad', status: 'draft' })));
    await expect(readFrameworkFiles(dir)).rejects.toMatchObject({
      code: 'framework_invalid',
      details: [expect.objectContaining({ where: 'bad.yaml.status' })],
    });
  });

  it('loads the shipped data without a broken reference', async () => {
    const catalogue = buildCatalogue(await readFrameworkFiles());
    expect(catalogue.frameworks.length).toBeGreaterThan(0);
  });
});
