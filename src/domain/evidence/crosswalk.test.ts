import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { claimableItems } from './claimable-items.ts';
import { relatedItems } from './crosswalk.ts';

const catalogue = buildCatalogue(await readFrameworkFiles());
const crosswalks = catalogue.associations().filter((a) => a.type === 'isRelatedTo' || a.type === 'exactMatchOf');
const claimable = new Set(claimableItems(catalogue).flatMap((g) => g.items.map((i) => i.code)));

describe('crosswalk data', () => {
  it('links items at both ends, and every isRelatedTo crosswalk links items evidence can claim', () => {
    const itemEdges = crosswalks.filter((a) => catalogue.item(a.from) || catalogue.item(a.to));
    expect(itemEdges.length).toBeGreaterThan(60);
    for (const a of itemEdges) {
      expect(catalogue.item(a.from), a.from).toBeDefined();
      expect(catalogue.item(a.to), a.to).toBeDefined();
      if (a.type === 'isRelatedTo')
        expect(
          [a.from, a.to].every((code) => claimable.has(code)),
          `${a.from} ~ ${a.to}`,
        ).toBe(true);
    }
  });

  it("marks every isRelatedTo crosswalk between frameworks as Pathways' own suggestion, quoting both statements", () => {
    const across = crosswalks.filter((a) => a.type === 'isRelatedTo' && catalogue.frameworkOf(a.from) !== catalogue.frameworkOf(a.to));
    expect(across.length).toBeGreaterThanOrEqual(70);
    for (const a of across) {
      expect(a.provenance).toMatchObject({ origin: 'pathways' });
      const reason = 'reason' in a.provenance ? a.provenance.reason : '';
      expect(reason, `${a.from} ~ ${a.to}`).toMatch(/not an official mapping/);
    }
  });

  it('holds no crosswalk twice, in either direction', () => {
    const keys = crosswalks.map((a) => [a.from, a.to].sort().join(' ~ '));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('relatedItems', () => {
  it("offers the ST1414 behaviour items for HLTA 26, marked as Pathways' suggestions", () => {
    const related = relatedItems(catalogue, 'HLTA.26');
    expect(related.map((r) => r.code)).toEqual(
      expect.arrayContaining(['ST1414.K16', 'ST1414.S1', 'ST1414.D10', 'AT.D9', 'NOS.19', 'TA1.D3']),
    );
    expect(related.find((r) => r.code === 'ST1414.K16')).toEqual({
      code: 'ST1414.K16',
      text: 'The principles of behaviours for learning.',
      framework: 'st1414',
      type: 'isRelatedTo',
      official: false,
    });
  });

  it('is symmetric for every crosswalked item', () => {
    const ends = new Set(crosswalks.flatMap((a) => [a.from, a.to]).filter((code) => catalogue.item(code)));
    for (const code of ends) {
      for (const other of relatedItems(catalogue, code)) {
        expect(
          relatedItems(catalogue, other.code).map((r) => r.code),
          `${other.code} back to ${code}`,
        ).toContain(code);
      }
    }
  });

  it('lists each related item once and never the item itself', () => {
    for (const code of claimable) {
      const related = relatedItems(catalogue, code).map((r) => r.code);
      expect(new Set(related).size).toBe(related.length);
      expect(related).not.toContain(code);
    }
  });

  it('gives word-for-word identical duties as exact matches', () => {
    expect(relatedItems(catalogue, 'TA2.D6')).toContainEqual(
      expect.objectContaining({ code: 'TA1.D4', type: 'exactMatchOf', official: false }),
    );
    expect(relatedItems(catalogue, 'TA1.D4').map((r) => r.code)).toEqual(expect.arrayContaining(['TA2.D6', 'TA3.D6', 'AT.D8']));
  });

  it('has nothing for an unknown code or an item without crosswalks', () => {
    expect(relatedItems(catalogue, 'NOPE.1')).toEqual([]);
    expect(relatedItems(catalogue, 'ST1414.K5')).toEqual([]);
  });
});
