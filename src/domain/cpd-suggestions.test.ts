import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { cpdSuggestionByRef, cpdSuggestionsFor, titleOfSuggestion } from './cpd-suggestions.ts';
import { dutiesOfRole, objectiveSuggestionsFor, performanceReviewDuties } from './review-duties.ts';

describe('CPD suggestions and review duties from the framework data', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = buildCatalogue(await readFrameworkFiles());
  });

  it('suggests the role’s own CPD first, then the next role up’s, each with a reference that finds it again', () => {
    const suggestions = cpdSuggestionsFor(catalogue, 'TA1');
    expect(suggestions[0]).toMatchObject({ roleId: 'TA1', forCurrentRole: true, ref: 'TA1/cpdSuggestions/0' });
    expect(suggestions.some((s) => s.roleId === 'TA2' && !s.forCurrentRole)).toBe(true);
    for (const s of suggestions) expect(cpdSuggestionByRef(catalogue, s.ref)?.text).toBe(s.text);
    expect(cpdSuggestionByRef(catalogue, 'TA1/cpdSuggestions/99')).toBeUndefined();
    expect(cpdSuggestionByRef(catalogue, 'nonsense')).toBeUndefined();
  });

  it('has nothing to suggest without a known graded role', () => {
    expect(cpdSuggestionsFor(catalogue, null)).toEqual([]);
    expect(cpdSuggestionsFor(catalogue, 'NOT_A_ROLE')).toEqual([]);
  });

  it('cuts a long suggestion to a title at a word', () => {
    const title = titleOfSuggestion(`${'word '.repeat(60)}end`, 50);
    expect(title.length).toBeLessThanOrEqual(50);
    expect(title.endsWith('…')).toBe(true);
    expect(titleOfSuggestion('  Level 1/2 maths ')).toBe('Level 1/2 maths');
  });

  it('finds the Associate Teacher’s performance review duty by its wording, and role duties through groups', () => {
    expect(performanceReviewDuties(catalogue).map((d) => d.code)).toEqual(['AT.D16']);
    expect(dutiesOfRole(catalogue, 'ASSOCIATE_TEACHER_L5').map((d) => d.code)).toContain('AT.D16');
    const groups = objectiveSuggestionsFor(catalogue, 'TA3');
    expect(groups[0]).toMatchObject({ roleId: 'TA3', forCurrentRole: true });
    expect(groups[0]?.items.map((i) => i.code)).toContain('TA3.D1');
  });
});
