import MiniSearch from 'minisearch';
import type { Catalogue } from '../../framework/catalogue.ts';
import { claimableItems } from './claimable-items.ts';
import { termOf, wordsOf } from './english-terms.ts';

/** An item the text of a piece of evidence seems to support; only a suggestion until the author ticks it. */
export type ItemSuggestion = { code: string; framework: string; frameworkTitle: string; text: string; score: number };

type Doc = { id: string; code: string; framework: string; frameworkTitle: string; text: string; title: string };

/** Texts shorter than this many words say too little to suggest anything. */
const MIN_WORDS = 3;
const DEFAULT_LIMIT = 8;

/** The full-text index over every claimable item's statement. */
export type SuggestionIndex = { readonly search: (text: string) => { code: string; score: number }[]; docs: ReadonlyMap<string, Doc> };

const indexes = new WeakMap<Catalogue, SuggestionIndex>();

/** Builds (once per catalogue) the MiniSearch index the suggestions rank with. */
export const suggestionIndexOf = (catalogue: Catalogue): SuggestionIndex => {
  const cached = indexes.get(catalogue);
  if (cached) return cached;
  const docs = new Map<string, Doc>();
  for (const group of claimableItems(catalogue)) {
    for (const item of group.items) {
      const title = catalogue.item(item.code)?.title ?? '';
      docs.set(item.code, {
        id: item.code,
        code: item.code,
        framework: group.framework.id,
        frameworkTitle: group.framework.title,
        text: item.text,
        // A NOS unit's title repeats its text; indexing it once keeps its weight in line with the others.
        title: title === item.text ? '' : title,
      });
    }
  }
  const index = new MiniSearch<Doc>({
    fields: ['text', 'title'],
    tokenize: wordsOf,
    processTerm: termOf,
    searchOptions: {
      combineWith: 'OR',
      // Prefix and fuzzy matching forgive typing in progress and small misspellings, but only on longer terms.
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      weights: { fuzzy: 0.3, prefix: 0.5 },
    },
  });
  index.addAll([...docs.values()]);
  const built: SuggestionIndex = {
    docs,
    // MiniSearch multiplies an OR query's score by the number of terms matched, which lets long statements
    // that share many everyday words outrank short, pointed ones; the square root keeps some of that reward.
    search: (text) =>
      index
        .search(text)
        .map((r) => ({ code: String(r.id), score: r.score / Math.sqrt(Math.max(1, r.terms.length)) }))
        .sort((a, b) => b.score - a.score),
  };
  indexes.set(catalogue, built);
  return built;
};

/**
 * The claimable items the text best supports, most relevant first, optionally only in some frameworks.
 * Texts of fewer than three words suggest nothing.
 */
export const suggestItems = (
  catalogue: Catalogue,
  text: string,
  options: { limit?: number; frameworks?: readonly string[] } = {},
): ItemSuggestion[] => {
  if (wordsOf(text).length < MIN_WORDS) return [];
  const { docs, search } = suggestionIndexOf(catalogue);
  const frameworks = options.frameworks && options.frameworks.length > 0 ? new Set(options.frameworks) : undefined;
  // Role profiles repeat duties word for word across rungs (linked by exactMatchOf); one of them is
  // suggested and the picker offers its exact matches.
  const seen = new Set<string>();
  return search(text)
    .flatMap(({ code, score }) => {
      const doc = docs.get(code);
      if (!doc || (frameworks && !frameworks.has(doc.framework))) return [];
      const key = `${doc.framework}\n${doc.text.toLowerCase()}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        { code, framework: doc.framework, frameworkTitle: doc.frameworkTitle, text: doc.text, score: Math.round(score * 1000) / 1000 },
      ];
    })
    .slice(0, options.limit ?? DEFAULT_LIMIT);
};
