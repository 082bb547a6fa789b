import type { Catalogue } from '../framework/catalogue.ts';
import type { CompetencyItem } from '../framework/schema.ts';
import { progressionGraph } from './progression-graph.ts';

/**
 * The duties that taking part in performance review serves, found by their own wording in the
 * framework data (the Associate Teacher's "Engage in the performance review process" duty), so a
 * framework that adds such a duty is covered without code naming it.
 */
export const performanceReviewDuties = (catalogue: Catalogue): CompetencyItem[] =>
  catalogue.items({ kind: 'duty' }).filter((item) => /\bperformance review\b/i.test(item.text));

/** A role's duties: the duties under the role, following groups. */
export const dutiesOfRole = (catalogue: Catalogue, roleId: string): CompetencyItem[] => {
  const found: CompetencyItem[] = [];
  const visit = (code: string, depth: number) => {
    for (const child of catalogue.children(code)) {
      if (child.kind === 'duty') found.push(child);
      else if (child.kind === 'group' && depth < 3) visit(child.code, depth + 1);
    }
  };
  visit(roleId, 0);
  return found;
};

/** What an objective may be linked to, suggested for a person: their role's duties, then those of the roles it leads to. */
export const objectiveSuggestionsFor = (
  catalogue: Catalogue,
  gradedRole: string | null,
): { roleId: string; roleTitle: string; forCurrentRole: boolean; items: CompetencyItem[] }[] => {
  if (!gradedRole || !catalogue.role(gradedRole)) return [];
  const roles = [
    gradedRole,
    ...progressionGraph(catalogue)
      .successors(gradedRole)
      .filter((code) => catalogue.role(code)),
  ];
  return roles
    .map((roleId) => ({
      roleId,
      roleTitle: catalogue.role(roleId)?.title ?? roleId,
      forCurrentRole: roleId === gradedRole,
      items: dutiesOfRole(catalogue, roleId),
    }))
    .filter((group) => group.items.length > 0);
};
