import MiniSearch, { type Query } from 'minisearch';
import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import { normaliseTerm, searchAlternatives } from './search-terms.ts';

export type SearchHit = {
  code: string;
  type: CatalogueEntry['type'];
  framework: string;
  kind: string;
  title: string;
  text: string;
  score: number;
};

type Doc = Omit<SearchHit, 'score'> & { id: string };

const docOf = (entry: CatalogueEntry): Doc => {
  const base = { id: entry.code, code: entry.code, type: entry.type, framework: entry.framework.id };
  switch (entry.type) {
    case 'item':
      return { ...base, kind: entry.item.kind, title: entry.item.title ?? entry.item.code, text: entry.item.text };
    case 'role':
      return { ...base, kind: 'role', title: entry.role.title, text: entry.role.purpose?.text ?? '' };
    case 'status':
      return { ...base, kind: 'status', title: entry.status.title, text: entry.status.description?.text ?? '' };
    case 'qualification':
      return {
        ...base,
        kind: 'qualification',
        title: entry.qualification.title,
        text: (entry.qualification.description?.items ?? []).join(' '),
      };
    case 'unit':
      return { ...base, kind: 'unit', title: entry.unit.title, text: `${entry.unit.title} (${entry.qualification.title})` };
  }
};

const WORD = /[\p{L}\p{N}.]+/gu;

/**
 * Every word of the query must match (AND); a word matches by prefix, with a little fuzziness, or
 * through one of its alternatives (phonics → literacy).
 */
const queryOf = (text: string): Query => ({ combineWith: 'AND', queries: (text.match(WORD) ?? []).map(wordQuery) });

const wordQuery = (word: string): Query => {
  const alternatives = searchAlternatives(word);
  if (alternatives.length === 0) return word;
  return { combineWith: 'OR', queries: [word, ...alternatives.map(phraseQuery)] };
};

const phraseQuery = (phrase: string): Query => ({ combineWith: 'AND', queries: phrase.split(' ') });

/** Full-text search across every item, role, status, qualification and unit, ranked by relevance. */
export type SearchIndex = { search(query: string, filter?: { framework?: string; kind?: string }, limit?: number): SearchHit[] };

export const buildSearchIndex = (catalogue: Catalogue): SearchIndex => {
  const index = new MiniSearch<Doc>({
    fields: ['code', 'title', 'text'],
    storeFields: ['code', 'type', 'framework', 'kind', 'title', 'text'],
    processTerm: normaliseTerm,
    searchOptions: { boost: { code: 3, title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  const codes = catalogue.frameworks.flatMap((f) => [
    ...(f.items ?? []).map((i) => i.code),
    ...(f.roles ?? []).map((r) => r.id),
    ...(f.statuses ?? []).map((s) => s.id),
    ...(f.qualifications ?? []).flatMap((q) => [q.id, ...(q.units ?? []).map((u) => u.code)]),
  ]);
  const docs = [...new Set(codes)].flatMap((code) => {
    const entry = catalogue.entry(code);
    return entry ? [docOf(entry)] : [];
  });
  index.addAll(docs);
  return {
    search: (query, filter = {}, limit = 50) =>
      index
        .search(queryOf(query), {
          filter: (r) => (!filter.framework || r.framework === filter.framework) && (!filter.kind || r.kind === filter.kind),
        })
        .slice(0, limit)
        .map((r) => ({ code: r.code, type: r.type, framework: r.framework, kind: r.kind, title: r.title, text: r.text, score: r.score })),
  };
};
