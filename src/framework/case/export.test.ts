import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../catalogue.ts';
import { readFrameworkFiles } from '../load.ts';
import { CFPackage } from './case-schema.ts';
import { exportCase } from './export.ts';
import { uuidV5 } from './uuid.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const changedAt = new Date('2026-11-22T12:00:00Z');

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
      const pkg = exportCase(catalogue, framework.id, { changedAt });
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
    const pkg = exportCase(catalogue, 'st1414', { changedAt });
    expect(pkg.CFDocument).toMatchObject({ title: 'L5: Specialist teaching assistant', adoptionStatus: 'Draft', language: 'en' });
    expect(pkg.CFDocument.creator).toMatch(/Institute for Apprenticeships/);
    const k31 = pkg.CFItems?.find((i) => i.humanCodingScheme === 'ST1414.K31');
    expect(k31).toMatchObject({ CFItemType: 'Knowledge', lastChangeDateTime: '2026-11-22T12:00:00.000Z' });
    expect(k31?.fullStatement).toBe(catalogue.item('ST1414.K31')?.text);
    const edge = pkg.CFAssociations?.find((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === k31?.identifier);
    const group = pkg.CFItems?.find((i) => i.identifier === edge?.destinationNodeURI.identifier);
    expect(group?.humanCodingScheme).toBe('ST1414.knowledge');
  });

  it('is deterministic: the same framework exports with the same identifiers', () => {
    const a = exportCase(catalogue, 'njc-role-profiles', { changedAt });
    const b = exportCase(catalogue, 'njc-role-profiles', { changedAt });
    expect(b).toEqual(a);
    const exact = a.CFAssociations?.filter((x) => x.associationType === 'exactMatchOf') ?? [];
    expect(exact.length).toBe(
      (catalogue.framework('njc-role-profiles')?.associations ?? []).filter((x) => x.type === 'exactMatchOf').length,
    );
  });
});
