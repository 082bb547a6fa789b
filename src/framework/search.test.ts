import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { readFrameworkFiles } from './load.ts';
import { buildSearchIndex, type SearchIndex } from './search.ts';
import { normaliseTerm } from './search-terms.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = buildSearchIndex(buildCatalogue(await readFrameworkFiles()));
});

const codes = (query: string) => index.search(query, {}, 500).map((hit) => hit.code);
const texts = (query: string) => index.search(query, {}, 500).map((hit) => `${hit.title} ${hit.text}`.toLowerCase());

describe('search finds what people type', () => {
  it('finds the home page examples: phonics, HLTA.17 and behaviour', () => {
    expect(codes('phonics').length).toBeGreaterThan(0);
    expect(codes('HLTA.17')[0]).toBe('HLTA.17');
    expect(codes('behaviour').length).toBeGreaterThan(0);
  });

  it('finds phonics work under the framework’s own words, literacy and early reading', () => {
    expect(texts('phonics').every((text) => text.includes('literacy') || text.includes('reading') || text.includes('phonic'))).toBe(true);
  });

  it('matches word forms: phonic and phonics, read and reading, assess and assessment', () => {
    expect(codes('phonic')).toEqual(expect.arrayContaining(codes('literacy').slice(0, 3)));
    expect(codes('reading').length).toBeGreaterThan(0);
    expect(new Set(codes('assessing'))).toEqual(new Set(codes('assessment')));
  });

  it('treats American spellings as the British ones the framework uses', () => {
    expect(codes('behavior')).toEqual(codes('behaviour'));
    expect(codes('behavioral')).toEqual(codes('behavioural'));
    expect(codes('organize')).toEqual(codes('organise'));
  });

  it('matches the start of a word as it is being typed', () => {
    expect(codes('safegu').length).toBeGreaterThan(0);
    expect(codes('safegu')).toEqual(expect.arrayContaining(codes('safeguarding').slice(0, 5)));
  });

  it('needs every word of the query', () => {
    const both = new Set(codes('behaviour support'));
    expect(both.size).toBeGreaterThan(0);
    expect(both.size).toBeLessThanOrEqual(new Set(codes('behaviour')).size);
  });

  it('finds nothing for nonsense', () => {
    expect(codes('zzqxv')).toEqual([]);
  });
});

describe('normaliseTerm', () => {
  it('stems words, keeps codes whole and turns American -ize into -ise', () => {
    expect(normaliseTerm('Phonics')).toBe(normaliseTerm('phonic'));
    expect(normaliseTerm('HLTA.17')).toBe('hlta.17');
    expect(normaliseTerm('organizing')).toBe(normaliseTerm('organising'));
  });
});
