import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCatalogue, type Catalogue } from '../catalogue.ts';
import { readFrameworkFiles } from '../load.ts';
import { CFPackage } from './case-schema.ts';
import { exportCase, lastChangeOf, referenceDataDate } from './export.ts';
import { externalPresent, officialCase11Validator } from './testing.ts';
import { uuidV5 } from './uuid.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const fail = (): never => {
  throw new Error('missing');
};

describe('uuidV5', () => {
  it('matches the RFC 9562 example for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('exportCase', () => {
  it('refuses an unknown framework', () => {
    expect(() => exportCase(catalogue, 'no-such-framework')).toThrow(/no framework/);
  });

  it('exports every framework as a schema-valid CASE package with every item present exactly once', () => {
    expect(catalogue.frameworks.length).toBeGreaterThan(0);
    for (const framework of catalogue.frameworks) {
      const pkg = exportCase(catalogue, framework.id);
      const parsed = CFPackage.safeParse(pkg);
      expect(parsed.success, `${framework.id}: ${parsed.error?.message}`).toBe(true);

      const codes = (pkg.CFItems ?? []).map((i) => i.humanCodingScheme);
      const expected = [
        ...(framework.items ?? []).map((i) => i.code),
        ...(framework.roles ?? []).map((r) => r.id),
        ...(framework.statuses ?? []).map((s) => s.id),
        ...(framework.qualifications ?? []).flatMap((q) => [q.id, ...(q.units ?? []).map((u) => u.code)]),
      ];
      expect(codes.toSorted()).toEqual(expected.toSorted());
      expect(new Set(codes).size).toBe(codes.length);
      expect(new Set((pkg.CFItems ?? []).map((i) => i.identifier)).size).toBe(codes.length);

      const byId = new Map((pkg.CFItems ?? []).map((i) => [i.identifier, i]));
      const childOf = (pkg.CFAssociations ?? []).filter((a) => a.associationType === 'isChildOf');
      expect(childOf).toHaveLength(codes.length);
      for (const item of framework.items ?? []) {
        const edge = childOf.find((a) => byId.get(a.originNodeURI.identifier)?.humanCodingScheme === item.code);
        expect(edge, `${framework.id}: ${item.code} has an isChildOf`).toBeDefined();
        if (item.parent) expect(edge?.destinationNodeURI.title).toBeTruthy();
        else expect(edge?.destinationNodeURI.identifier).toBe(pkg.CFDocument.identifier);
      }
      const types = new Set((pkg.CFDefinitions?.CFItemTypes ?? []).map((t) => t.title));
      for (const item of pkg.CFItems ?? []) expect(types.has(item.CFItemType ?? '')).toBe(true);
    }
  });

  it('maps codes, statements, item types and grouping for ST1414', () => {
    const pkg = exportCase(catalogue, 'st1414');
    expect(pkg.CFDocument).toMatchObject({ title: 'L5: Specialist teaching assistant', language: 'en' });
    expect(pkg.CFDocument.creator).toMatch(/Institute for Apprenticeships/);
    const k31 = pkg.CFItems?.find((i) => i.humanCodingScheme === 'ST1414.K31');
    expect(k31).toMatchObject({ CFItemType: 'Knowledge', lastChangeDateTime: lastChangeOf(catalogue.framework('st1414') ?? fail()) });
    expect(k31?.fullStatement).toBe(catalogue.item('ST1414.K31')?.text);
    const edge = pkg.CFAssociations?.find((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === k31?.identifier);
    const group = pkg.CFItems?.find((i) => i.identifier === edge?.destinationNodeURI.identifier);
    expect(group?.humanCodingScheme).toBe('ST1414.knowledge');
  });

  it('is deterministic: the same framework exports with the same identifiers', () => {
    const a = exportCase(catalogue, 'njc-role-profiles');
    const b = exportCase(catalogue, 'njc-role-profiles');
    expect(b).toEqual(a);
    const exact = a.CFAssociations?.filter((x) => x.associationType === 'exactMatchOf') ?? [];
    expect(exact.length).toBe(
      (catalogue.framework('njc-role-profiles')?.associations ?? []).filter((x) => x.type === 'exactMatchOf').length,
    );
  });
});

describe.skipIf(!externalPresent)('exportCase against the official 1EdTech CASE 1.1 CFPackage JSON Schema', () => {
  it('exports every framework as a package the official schema accepts', () => {
    const validate = officialCase11Validator();
    const failures = catalogue.frameworks.flatMap((framework) => {
      const pkg = exportCase(catalogue, framework.id);
      return validate(pkg) ? [] : [`${framework.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`];
    });
    expect(failures).toEqual([]);
  });

  it('refuses what the previous export wrote (caseVersion 1.0, CFPackageURI, CFDocumentURI), so the check has teeth', () => {
    const validate = officialCase11Validator();
    const pkg = exportCase(catalogue, 'hlta-standards');
    expect(validate(pkg)).toBe(true);
    const link = { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
    expect(validate({ ...pkg, CFDocument: { ...pkg.CFDocument, caseVersion: '1.0' } })).toBe(false);
    expect(validate({ ...pkg, CFDocument: { ...pkg.CFDocument, CFPackageURI: link } })).toBe(false);
    expect(validate({ ...pkg, CFItems: pkg.CFItems?.map((i) => ({ ...i, CFDocumentURI: link })) })).toBe(false);
  });
});

describe('exportCase: versions, dates and adoption status', () => {
  it('writes caseVersion 1.1 by default and leaves it out of the 1.0 form, which is otherwise the same', () => {
    const v11 = exportCase(catalogue, 'nos-stl');
    const v10 = exportCase(catalogue, 'nos-stl', { caseVersion: '1.0' });
    expect(v11.CFDocument.caseVersion).toBe('1.1');
    expect(v10.CFDocument).not.toHaveProperty('caseVersion');
    const { caseVersion: _v, ...rest } = v11.CFDocument;
    expect(v10).toEqual({ ...v11, CFDocument: rest });
  });

  it('dates a package by the framework, not the clock: the same export an hour later is identical', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2031-01-01T09:00:00Z'));
      const first = exportCase(catalogue, 'njc-role-profiles');
      vi.setSystemTime(new Date('2031-01-01T10:00:00Z'));
      expect(exportCase(catalogue, 'njc-role-profiles')).toEqual(first);
      expect(JSON.stringify(first)).not.toContain('2031');
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes the date from a dated version (2013-07 → 1 July 2013) and otherwise the reference data date', () => {
    const base = catalogue.framework('njc-role-profiles') ?? fail();
    expect(lastChangeOf({ ...base, version: '2013-07' })).toBe('2013-07-01T00:00:00.000Z');
    expect(lastChangeOf({ ...base, version: '2007' })).toBe('2007-01-01T00:00:00.000Z');
    expect(lastChangeOf({ ...base, version: 'proposal' })).toBe(referenceDataDate);
    expect(exportCase(catalogue, 'njc-role-profiles').CFDocument.lastChangeDateTime).toBe(lastChangeOf(base));
  });

  it("marks only an issued standard as Adopted: a blog post, a proposal and Pathways' own routes are drafts, a closed framework is deprecated", () => {
    const status = (id: string) => exportCase(catalogue, id).CFDocument.adoptionStatus;
    const base = catalogue.framework('hlta-standards') ?? fail();
    expect(base.status).toBe('current');
    expect(status('hlta-standards')).toBe('Adopted');
    // The partnership-teacher kinds come from a blog post (seed 004): current, but not an adopted standard.
    expect(status('partnership-teacher')).toBe('Draft');
    // Pathways' own assembly of routes and requirements.
    expect(status('progression')).toBe('Draft');
    // The Associate Teacher occupational profile is a proposal.
    expect(catalogue.framework('associate-teacher-l5')?.status).toBe('in-development');
    expect(status('associate-teacher-l5')).toBe('Draft');
    // The QCF qualifications are closed.
    expect(catalogue.framework('qcf-stl')?.status).toBe('closed');
    expect(status('qcf-stl')).toBe('Deprecated');
  });
});
