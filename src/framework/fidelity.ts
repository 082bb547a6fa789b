import type { Framework, Provenance } from './schema.ts';

/** A verbatim claim: a string the data says comes from a given seed. */
export type QuoteClaim = { seed: string; section: string; field: string; text: string };

/** Whitespace, bullets, markdown emphasis, quote and dash styles differ between a seed and the data; the words must not. */
export const normaliseForFidelity = (text: string): string =>
  text
    .replace(/[\u2018\u2019\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2012]/g, '-')
    .replace(/[\u2022\u25AA\u25CF\u00B7*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const QUOTED_FIELDS = ['text', 'title'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const seedOf = (value: Record<string, unknown>): Extract<Provenance, { seed: string }> | undefined => {
  const provenance = value.provenance;
  return isObject(provenance) && typeof provenance.seed === 'string' && typeof provenance.section === 'string'
    ? { seed: provenance.seed, section: provenance.section }
    : undefined;
};

/**
 * Every string that a seed-provenanced object presents as the source's words:
 * its `text` and `title`, and each entry of a quoted list's `items`.
 */
export const quoteClaims = (framework: Framework): QuoteClaim[] => {
  const claims: QuoteClaim[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}[${i}]`);
      });
      return;
    }
    if (!isObject(value)) return;
    const seed = seedOf(value);
    if (seed) {
      for (const field of QUOTED_FIELDS) {
        const text = value[field];
        if (typeof text === 'string') claims.push({ ...seed, field: `${path}.${field}`, text });
      }
      const items = value.items;
      if (Array.isArray(items) && items.every((i) => typeof i === 'string')) {
        for (const [i, text] of items.entries()) claims.push({ ...seed, field: `${path}.items[${i}]`, text });
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'provenance') visit(child, `${path}.${key}`);
  };
  const { title: _title, description: _description, provenance: _provenance, ...body } = framework;
  visit(body, framework.id);
  return claims;
};
