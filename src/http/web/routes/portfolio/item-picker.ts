import { claimableItems } from '../../../../domain/evidence/claimable-items.ts';
import { relatedItems } from '../../../../domain/evidence/crosswalk.ts';
import { suggestItems } from '../../../../domain/evidence/suggestions.ts';
import type { Catalogue } from '../../../../framework/catalogue.ts';
import { itemLabel } from '../../../../framework/item-label.ts';

/** What the author asked the picker to show: words to filter by and a framework to browse (both may be empty). */
export type PickerBrowse = { filter: string; framework: string };

/** The picker's filter and framework as posted with the form (the no-JavaScript "Filter items" button) or in the query. */
export const browseOf = (source: unknown): PickerBrowse => {
  const form = typeof source === 'object' && source !== null ? source : {};
  const text = (name: string) => {
    const value = Reflect.get(form, name);
    return typeof value === 'string' ? value.trim().slice(0, 100) : '';
  };
  return { filter: text('filter'), framework: text('framework') };
};

/**
 * The item picker: claimable items grouped by framework, each labelled "CODE — statement". Every item is
 * in the form (so the browser can filter them as the author types, and ticks are never lost); those outside
 * the filter are `shown: false`. Until the author filters or chooses a framework, only ticked items are
 * shown, as hundreds at once would swamp the form and screen readers. With it the crosswalk's related
 * items for ticked ones, and — when asked — suggestions from the text.
 */
export const pickerOf = (
  catalogue: Catalogue,
  options: { ticked: readonly string[]; filter: string; framework?: string; suggestFrom?: string; locked?: readonly string[] },
) => {
  const ticked = new Set(options.ticked);
  const locked = new Set(options.locked ?? []);
  const words = options.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const all = claimableItems(catalogue);
  const framework = all.some((g) => g.framework.id === options.framework) ? options.framework : undefined;
  const browsing = words.length > 0 || framework !== undefined;
  const frameworks = all.map((g) => ({
    value: g.framework.id,
    text: `${g.framework.title} (${g.items.length} items)`,
    selected: g.framework.id === framework,
  }));
  const groups = all.map((group) => {
    const items = group.items.map((item) => {
      const label = itemLabel(catalogue, item.code);
      const search = `${label.text} ${group.framework.title}`.toLowerCase();
      const matches = words.every((w) => search.includes(w));
      return {
        value: item.code,
        label: label.text,
        search,
        checked: ticked.has(item.code),
        disabled: locked.has(item.code),
        shown: ticked.has(item.code) || (browsing && (framework === undefined || framework === group.framework.id) && matches),
      };
    });
    const tickedHere = items.filter((i) => i.checked).length;
    const shownHere = items.filter((i) => i.shown).length;
    return { id: group.framework.id, title: group.framework.title, items, tickedHere, shown: shownHere > 0, open: shownHere > 0 };
  });
  // Codes already chosen that the picker does not offer (a CPD activity linked to a group or a unit) stay chosen.
  const offered = new Set(all.flatMap((g) => g.items.map((i) => i.code)));
  const others = [...ticked].filter((code) => !offered.has(code));
  if (others.length > 0)
    groups.push({
      id: 'other',
      title: 'Other items already linked',
      items: others.map((code) => ({
        value: code,
        label: itemLabel(catalogue, code).text,
        search: itemLabel(catalogue, code).text.toLowerCase(),
        checked: true,
        disabled: locked.has(code),
        shown: true,
      })),
      tickedHere: others.length,
      shown: true,
      open: true,
    });
  const related = [...ticked].flatMap((code) =>
    relatedItems(catalogue, code)
      .filter((r) => !ticked.has(r.code))
      .map((r) => ({ from: code, ...r })),
  );
  const relatedUnique = [...new Map(related.map((r) => [r.code, r] as const)).values()].map((r) => ({
    value: r.code,
    text: itemLabel(catalogue, r.code).text,
    hint: {
      text: `Related to ${itemLabel(catalogue, r.from).text}${r.official ? '' : ' (a Pathways suggestion, not an official mapping)'}`,
    },
  }));
  const suggestions = options.suggestFrom
    ? suggestItems(catalogue, options.suggestFrom, { limit: 8 })
        .filter((s) => !ticked.has(s.code))
        .map((s) => ({ value: s.code, text: `${itemLabel(catalogue, s.code).text} (${s.frameworkTitle})` }))
    : [];
  return {
    groups,
    frameworks,
    related: relatedUnique,
    suggestions,
    filter: options.filter,
    framework: framework ?? '',
    shownCount: groups.reduce((n, g) => n + g.items.filter((i) => i.shown).length, 0),
    browsing,
  };
};
