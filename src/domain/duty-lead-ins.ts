import type { Catalogue } from '../framework/catalogue.ts';
import type { CompetencyItem } from '../framework/schema.ts';

/**
 * Lead-ins are the NJC profiles' "Teaching assistants at this level are expected to undertake at
 * least one of the following:": groups (marked `chooseAtLeast` in the data) whose children are the
 * alternative duties a–d. A lead-in is not a duty: it is shown as the text that introduces its
 * alternatives, and job evaluation counts the alternatives as one duty.
 */

/** Whether an item is a lead-in to alternative duties. */
export const isLeadIn = (item: CompetencyItem | undefined): item is CompetencyItem & { chooseAtLeast: number } =>
  item?.kind === 'group' && item.chooseAtLeast !== undefined;

/** Whether a duty is one of the alternatives under a lead-in, or a sub-duty of another duty (the specialisms a–d). */
export const isSpecialismDuty = (catalogue: Catalogue, item: CompetencyItem): boolean => {
  if (item.kind !== 'duty' || !item.parent) return false;
  const parent = catalogue.item(item.parent);
  return parent?.kind === 'duty' || isLeadIn(parent);
};

/** The specialism letters the duty data knows (the last letter of each alternative's code: a…d). */
export const specialismLetters = (catalogue: Catalogue): string[] =>
  [
    ...new Set(
      catalogue
        .items({ kind: 'duty' })
        .filter((i) => isSpecialismDuty(catalogue, i))
        .map((i) => i.code.slice(-1)),
    ),
  ].sort();
