import type { Catalogue } from './catalogue.ts';

/** A competency item as people read it: its code and its statement, and the two joined for display. */
export type ItemLabel = { code: string; statement: string; text: string };

/** The separator between a code and its statement wherever an item is shown ("HLTA.17 — use their …"). */
export const ITEM_LABEL_SEPARATOR = ' — ';

/**
 * The one way an item is labelled on pages and in exports: the code followed by the statement from the
 * framework (an item's text; a unit's, role's or qualification's title). A code the catalogue does not
 * know is shown alone, as there is no wording to give.
 */
export const itemLabel = (catalogue: Catalogue, code: string): ItemLabel => {
  const entry = catalogue.entry(code);
  const statement = entry === undefined ? '' : entry.type === 'item' ? entry.item.text : catalogue.title(code);
  return { code, statement, text: statement ? `${code}${ITEM_LABEL_SEPARATOR}${statement}` : code };
};
