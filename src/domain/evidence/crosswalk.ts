import type { Catalogue } from '../../framework/catalogue.ts';

/** An item linked to another by a crosswalk, so one piece of evidence can credit both. */
export type RelatedItem = { code: string; text: string; framework: string; type: 'exactMatchOf' | 'isRelatedTo'; official: boolean };

/**
 * The items the catalogue's crosswalk associations (`exactMatchOf`, `isRelatedTo`) link to the given item,
 * in either direction, each once (an exact match wins over a looser relation). `official` is false for
 * Pathways' own suggested crosswalks (provenance `origin: pathways`).
 */
export const relatedItems = (catalogue: Catalogue, code: string): RelatedItem[] => {
  const found = new Map<string, RelatedItem>();
  const edges = [...catalogue.associations({ from: code }), ...catalogue.associations({ to: code })];
  for (const edge of edges) {
    if (edge.type !== 'exactMatchOf' && edge.type !== 'isRelatedTo') continue;
    const other = edge.from === code ? edge.to : edge.from;
    const item = catalogue.item(other);
    if (!item || other === code) continue;
    const official = !('origin' in edge.provenance && edge.provenance.origin === 'pathways');
    const existing = found.get(other);
    if (existing && (existing.type === 'exactMatchOf' || edge.type === 'isRelatedTo')) {
      found.set(other, { ...existing, official: existing.official || official });
      continue;
    }
    found.set(other, { code: other, text: item.text, framework: catalogue.frameworkOf(other)?.id ?? '', type: edge.type, official });
  }
  return [...found.values()];
};
