import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { buildCatalogue } from '../catalogue.ts';
import { type FrameworkSource, readFrameworkFiles } from '../load.ts';
import type { Framework } from '../schema.ts';
import { exportCase } from './export.ts';
import { caseFrameworkId, convertCasePackage, planCaseImport } from './import.ts';
import { externalPresent, officialCase11Validator, openSaltPackages, readCaseFile } from './testing.ts';

let builtIn: FrameworkSource[];
beforeAll(async () => {
  builtIn = await readFrameworkFiles();
});

type RawPackage = {
  CFDocument: Record<string, unknown> & { identifier: string };
  CFItems?: (Record<string, unknown> & { identifier: string; humanCodingScheme?: string })[];
  CFAssociations?: (Record<string, unknown> & {
    associationType: string;
    originNodeURI: { identifier: string };
    destinationNodeURI: { identifier: string; title: string; uri: string };
  })[];
};

const failureOf = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

/** Exports a framework from a catalogue holding it beside the built-in data (as it is once imported). */
const exportImported = (framework: Framework) => exportCase(planCaseImport(framework, 'test', builtIn, []), framework.id);

/** A small valid CASE 1.1 package: a document, a group with two children, one of them with a code. */
const small = (): RawPackage => {
  const doc = '11111111-1111-4111-8111-111111111111';
  const link = (identifier: string, title = identifier) => ({ title, identifier, uri: `https://example.org/${identifier}` });
  const at = '2024-01-02T03:04:05Z';
  return {
    CFDocument: { identifier: doc, uri: link(doc).uri, creator: 'Example', title: 'Small', lastChangeDateTime: at, caseVersion: '1.1' },
    CFItems: [
      {
        identifier: 'a0000000-0000-4000-8000-000000000001',
        uri: 'u:1',
        fullStatement: 'Group',
        humanCodingScheme: 'G',
        lastChangeDateTime: at,
      },
      {
        identifier: 'a0000000-0000-4000-8000-000000000002',
        uri: 'u:2',
        fullStatement: 'Child one',
        humanCodingScheme: 'G.1',
        lastChangeDateTime: at,
      },
      { identifier: 'a0000000-0000-4000-8000-000000000003', uri: 'u:3', fullStatement: 'Child two', lastChangeDateTime: at },
    ],
    CFAssociations: [
      ['b0000000-0000-4000-8000-000000000001', '1', doc],
      ['b0000000-0000-4000-8000-000000000002', '2', 'a0000000-0000-4000-8000-000000000001'],
      ['b0000000-0000-4000-8000-000000000003', '3', 'a0000000-0000-4000-8000-000000000001'],
    ].map(([identifier = '', item = '', to = '']) => ({
      identifier,
      uri: `u:${identifier}`,
      associationType: 'isChildOf',
      originNodeURI: link(`a0000000-0000-4000-8000-00000000000${item}`),
      destinationNodeURI: link(to),
      lastChangeDateTime: at,
    })),
  };
};

describe('convertCasePackage on a small package', () => {
  it('makes items with codes from humanCodingScheme, the tree from isChildOf and the CASE identity kept', () => {
    const framework = convertCasePackage(JSON.stringify(small()), 'small.json');
    expect(framework.id).toBe(caseFrameworkId('11111111-1111-4111-8111-111111111111'));
    expect(framework.items?.map((i) => [i.code, i.kind, i.parent])).toEqual([
      ['CASE-11111111.G', 'group', undefined],
      ['CASE-11111111.G.1', 'standard', 'CASE-11111111.G'],
      // No humanCodingScheme: coded by its identifier.
      ['CASE-11111111.a0000000-0000-4000-8000-000000000003', 'standard', 'CASE-11111111.G'],
    ]);
    expect(framework.items?.[1]?.case).toEqual({
      identifier: 'a0000000-0000-4000-8000-000000000002',
      uri: 'u:2',
      lastChangeDateTime: '2024-01-02T03:04:05Z',
      humanCodingScheme: 'G.1',
    });
    expect(framework).toMatchObject({ title: 'Small', publisher: 'Example', status: 'current', version: '2024-01-02T03:04:05Z' });
  });

  it('orders siblings by sequenceNumber', () => {
    const pkg = small();
    const [, second, third] = pkg.CFAssociations ?? [];
    if (!second || !third) throw new Error('fixture');
    second.sequenceNumber = 2;
    third.sequenceNumber = 1;
    const framework = convertCasePackage(pkg, 'small.json');
    expect(framework.items?.map((i) => i.text)).toEqual(['Group', 'Child two', 'Child one']);
  });

  const mutate = (change: (pkg: RawPackage) => void): RawPackage => {
    const pkg = small();
    change(pkg);
    return pkg;
  };
  it.each([
    ['bad JSON', '{"CFDocument": {,}}', /not valid JSON/, /^\$ \(line 1, column \d+, position \d+\)$/],
    ['no CFDocument', '{"CFItems": []}', /is not a CASE package/, /^\$\.CFDocument$/],
    [
      'an item without its statement',
      mutate((p) => {
        delete p.CFItems?.[1]?.fullStatement;
      }),
      /is not a CASE package/,
      /^\$\.CFItems\[1\]\.fullStatement$/,
    ],
    [
      'an identifier that is not a UUID',
      mutate((p) => {
        if (p.CFItems?.[2]) p.CFItems[2].identifier = 'item-3';
      }),
      /is not a CASE package/,
      /^\$\.CFItems\[2\]\.identifier$/,
    ],
    [
      'an unsupported CASE version',
      mutate((p) => {
        p.CFDocument.caseVersion = '2.0';
      }),
      /is not a CASE package/,
      /^\$\.CFDocument\.caseVersion$/,
    ],
    [
      'a duplicate identifier',
      mutate((p) => {
        if (p.CFItems?.[2]) p.CFItems[2].identifier = 'a0000000-0000-4000-8000-000000000002';
      }),
      /broken reference/,
      /^\$\.CFItems\[2\]\.identifier$/,
    ],
    [
      'an isChildOf to a node outside the package',
      mutate((p) => {
        const a = p.CFAssociations?.[2];
        if (a) a.destinationNodeURI.identifier = 'c0000000-0000-4000-8000-000000000009';
      }),
      /broken reference/,
      /^\$\.CFAssociations\[2\]\.destinationNodeURI\.identifier$/,
    ],
    [
      'an isChildOf cycle',
      mutate((p) => {
        const a = p.CFAssociations?.[0];
        if (a) a.destinationNodeURI.identifier = 'a0000000-0000-4000-8000-000000000002';
      }),
      /cycle/,
      /^\$\.CFItems\[0\]$/,
    ],
  ])('refuses %s, naming the file, the JSON path and the reason', (_name, input, message, where) => {
    const error = failureOf(() => convertCasePackage(typeof input === 'string' ? input : JSON.stringify(input), 'bad.json'));
    expect(error.code).toBe('import_invalid');
    expect(error.message).toMatch(/^bad\.json: /);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was imported/);
    expect(
      error.details.some((d) => where.test(d.where)),
      JSON.stringify(error.details),
    ).toBe(true);
    expect(error.details.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('imports an export of a Pathways framework with every identifier, statement and code it had', () => {
    const exported = exportCase(buildCatalogue(builtIn), 'hlta-standards');
    const framework = convertCasePackage(JSON.stringify(exported), 'hlta.json');
    const again = exportImported(framework);
    expect(again.CFDocument.identifier).toBe(exported.CFDocument.identifier);
    const strip = (items: typeof exported.CFItems) =>
      (items ?? []).map(({ identifier, humanCodingScheme, fullStatement }) => ({ identifier, humanCodingScheme, fullStatement }));
    const byId = (a: { identifier: string }, b: { identifier: string }) => a.identifier.localeCompare(b.identifier);
    expect(strip(again.CFItems).toSorted(byId)).toEqual(strip(exported.CFItems).toSorted(byId));
    expect(framework.items?.find((i) => i.case?.humanCodingScheme === 'HLTA.1')?.kind).toBe('standard');
  });
});

describe.skipIf(!externalPresent)('convertCasePackage on the real OpenSALT packages', () => {
  const raw = (name: string): RawPackage => JSON.parse(readCaseFile(name));

  it.each(openSaltPackages)('%s imports with every item, fits the catalogue and exports valid CASE 1.1', (name) => {
    const pkg = raw(name);
    const framework = convertCasePackage(readCaseFile(name), name);
    expect(framework.items).toHaveLength(pkg.CFItems?.length ?? 0);
    expect(new Set(framework.items?.map((i) => i.case?.identifier))).toEqual(new Set(pkg.CFItems?.map((i) => i.identifier)));
    const validate = officialCase11Validator();
    const exported = exportImported(framework);
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps the ACT Holistic Framework hierarchy and codes: a sampled item sits under its isChildOf parent', () => {
    const name = 'opensalt-tests-Ordering-ACT-Holistic-Math.cfpackage.json';
    const pkg = raw(name);
    const framework = convertCasePackage(readCaseFile(name), name);
    expect(pkg.CFItems).toHaveLength(28);
    const byIdentifier = new Map(framework.items?.map((i) => [i.case?.identifier, i]));
    const items = new Map(pkg.CFItems?.map((i) => [i.identifier, i]));
    const nested = (pkg.CFAssociations ?? []).filter(
      (a) => a.associationType === 'isChildOf' && items.has(a.destinationNodeURI.identifier),
    );
    expect(nested.length).toBeGreaterThan(0);
    for (const edge of nested) {
      const child = byIdentifier.get(edge.originNodeURI.identifier);
      const parent = byIdentifier.get(edge.destinationNodeURI.identifier);
      expect(child?.parent).toBe(parent?.code);
    }
    const sample = nested[0];
    const child = byIdentifier.get(sample?.originNodeURI.identifier);
    const source = items.get(sample?.originNodeURI.identifier ?? '');
    expect(child?.code).toBe(`CASE-a33fc64e.${source?.humanCodingScheme}`);
    expect(child?.text).toBe(source?.fullStatement);
    // Top-level items are children of the document.
    const top = (pkg.CFAssociations ?? []).filter((a) => a.destinationNodeURI.identifier === pkg.CFDocument.identifier);
    for (const edge of top) expect(byIdentifier.get(edge.originNodeURI.identifier)?.parent).toBeUndefined();
  });

  it("keeps the sample package's associations: those between its items as edges, the rest (outside nodes) verbatim", () => {
    const name = 'opensalt-sample-what-standards-could-be.cfpackage.json';
    const pkg = raw(name);
    const framework = convertCasePackage(readCaseFile(name), name);
    const exported = exportImported(framework);
    const isChildOf = (pkg.CFAssociations ?? []).filter((a) => a.associationType === 'isChildOf');
    expect(exported.CFAssociations?.filter((a) => a.associationType === 'isChildOf')).toHaveLength(isChildOf.length);
    for (const type of ['exactMatchOf', 'precedes', 'exemplar', 'isRelatedTo']) {
      expect(exported.CFAssociations?.filter((a) => a.associationType === type).length, type).toBe(
        (pkg.CFAssociations ?? []).filter((a) => a.associationType === type).length,
      );
    }
    expect(exported.CFDocument).toMatchObject({
      identifier: pkg.CFDocument.identifier,
      adoptionStatus: 'Draft',
      creator: 'Brandon Dorman',
    });
    expect(framework.status).toBe('in-development');
  });

  it.each(openSaltPackages)('%s round-trips: export → import → export gives the same package', (name) => {
    const first = exportImported(convertCasePackage(readCaseFile(name), name));
    const second = exportImported(convertCasePackage(JSON.stringify(first), `${name} (exported)`));
    expect(second).toEqual(first);
  });
});
