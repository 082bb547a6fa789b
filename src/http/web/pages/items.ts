import type { Catalogue } from '../../../framework/catalogue.ts';
import type { CompetencyItem, Framework } from '../../../framework/schema.ts';
import { anchorOf } from '../links.ts';
import { labelOf } from '../public-wording.ts';

/** An item with the items under it, ready for the nested-list macro. */
export type ItemNode = {
  code: string;
  anchor: string;
  kind: CompetencyItem['kind'];
  title?: string;
  text: string;
  options?: string[];
  inferred?: string;
  /** A lead-in ("…at least one of the following:"): listed in order with its alternatives under it, not as a heading. */
  leadIn?: boolean;
  children: ItemNode[];
};

/** A run of items under one heading (a role of the NJC profiles, or the framework itself). */
export type ItemSection = { heading?: string; href?: string; nodes: ItemNode[] };

const inScope = (item: CompetencyItem, option?: string) => !option || !item.options || item.options.includes(option);

/** Builds the tree of an item list, children under their parents, keeping the source order. */
export const itemTree = (items: readonly CompetencyItem[], rootCodes: readonly string[], option?: string): ItemNode[] => {
  const byParent = Map.groupBy(
    items.filter((i) => i.parent && inScope(i, option)),
    (i) => i.parent ?? '',
  );
  const build = (item: CompetencyItem, depth: number): ItemNode => ({
    code: item.code,
    anchor: anchorOf(item.code),
    kind: item.kind,
    ...(item.title ? { title: item.title } : {}),
    text: item.text,
    ...(item.options ? { options: item.options } : {}),
    ...(item.inferred ? { inferred: item.inferred } : {}),
    ...(item.chooseAtLeast !== undefined ? { leadIn: true } : {}),
    children: depth > 8 ? [] : (byParent.get(item.code) ?? []).map((child) => build(child, depth + 1)),
  });
  const byCode = new Map(items.map((i) => [i.code, i]));
  return rootCodes.flatMap((code) => {
    const item = byCode.get(code);
    return item && inScope(item, option) ? [build(item, 0)] : [];
  });
};

/** A framework's items grouped: items under a role get the role as heading; the rest sit under the framework. */
export const frameworkSections = (catalogue: Catalogue, framework: Framework, option?: string): ItemSection[] => {
  const items = framework.items ?? [];
  const codes = new Set(items.map((i) => i.code));
  const roots = items.filter((i) => !i.parent || !codes.has(i.parent));
  const byOwner = Map.groupBy(roots, (i) => i.parent ?? '');
  return [...byOwner.entries()].map(([owner, owned]) => {
    const role = owner ? catalogue.role(owner) : undefined;
    const nodes = itemTree(
      items,
      owned.map((i) => i.code),
      option,
    );
    return role ? { heading: labelOf(role.id, role.title), href: `/roles/${encodeURIComponent(role.id)}`, nodes } : { nodes };
  });
};

/** The options a framework's roles define (ST1414's SEND, SEW, SCP). */
export const frameworkOptions = (framework: Framework) => (framework.roles ?? []).flatMap((role) => role.options ?? []);
