import type { Catalogue } from '../../framework/catalogue.ts';
import type { ItemKind } from '../../framework/schema.ts';

/** One item a piece of evidence can claim. */
export type ClaimableItem = { code: string; text: string; kind: ItemKind };

/** The claimable items of one framework, in the framework's own order. */
export type ClaimableGroup = { framework: { id: string; title: string }; items: ClaimableItem[] };

/**
 * Kinds of item a person demonstrates through practice. Groups only organise items, training modules are
 * completed rather than evidenced and partnership-teacher kinds describe posts, so none of them is claimable.
 */
const CLAIMABLE_KINDS: ReadonlySet<ItemKind> = new Set(['standard', 'duty', 'knowledge', 'skill', 'behaviour', 'nos-unit']);

const cache = new WeakMap<Catalogue, ClaimableGroup[]>();

/**
 * The items evidence can claim, grouped by framework in catalogue order: HLTA standards, ST1414 duties and
 * KSBs, Associate Teacher duties, NJC duties and their specialism sub-duties, NOS STL units. A duty that
 * only introduces sub-duties ("at least one of the following:") is left out: its sub-duties are claimed.
 */
export const claimableItems = (catalogue: Catalogue): ClaimableGroup[] => {
  const cached = cache.get(catalogue);
  if (cached) return cached;
  const groups = catalogue.frameworks.flatMap((framework): ClaimableGroup[] => {
    const items = (framework.items ?? [])
      .filter((item) => CLAIMABLE_KINDS.has(item.kind) && catalogue.children(item.code).length === 0)
      .filter((item) => catalogue.item(item.code) === item)
      .map((item) => ({ code: item.code, text: item.text, kind: item.kind }));
    return items.length > 0 ? [{ framework: { id: framework.id, title: framework.title }, items }] : [];
  });
  cache.set(catalogue, groups);
  return groups;
};
