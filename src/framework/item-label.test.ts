import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { itemLabel } from './item-label.ts';
import { readFrameworkFiles } from './load.ts';

const catalogue = buildCatalogue(await readFrameworkFiles());

describe('itemLabel', () => {
  it('gives an HLTA standard its code and its statement', () => {
    expect(itemLabel(catalogue, 'HLTA.17')).toEqual({
      code: 'HLTA.17',
      statement: 'use their area(s) of expertise to contribute to the planning and preparation of learning activities',
      text: 'HLTA.17 — use their area(s) of expertise to contribute to the planning and preparation of learning activities',
    });
  });

  it('labels every claimable kind of item with wording, never the code twice', () => {
    for (const code of ['ST1414.S7', 'AT.D10', 'HLTA.26']) {
      const label = itemLabel(catalogue, code);
      expect(label.statement.length).toBeGreaterThan(10);
      expect(label.text.startsWith(`${code} — `)).toBe(true);
      expect(label.statement).not.toBe(code);
    }
  });

  it('shows an unknown code alone rather than inventing wording', () => {
    expect(itemLabel(catalogue, 'NOPE.1')).toEqual({ code: 'NOPE.1', statement: '', text: 'NOPE.1' });
  });
});
