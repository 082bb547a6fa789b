import type { JudgementValue } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Phase, Requirement, Status } from '../framework/schema.ts';
import { codesOf } from './requirements/items.ts';

/**
 * What backs a status award: the competency items its award rule asks to be judged met (the 33
 * HLTA standards), read from the data rather than named here.
 */

/** The statuses a school's headteacher awards (HLTA status). */
export const headteacherStatuses = (catalogue: Catalogue): Status[] =>
  catalogue.frameworks.flatMap((f) => f.statuses ?? []).filter((s) => s.awardedBy === 'headteacher');

const itemsMetLeaves = (req: Requirement, phase: Phase): Extract<Requirement, { type: 'itemsMet' }>[] => {
  switch (req.type) {
    case 'itemsMet':
      return [req];
    case 'allOf':
    case 'anyOf':
    case 'atLeast':
      return req.of.flatMap((r) => itemsMetLeaves(r, phase));
    case 'when':
      return req.phases.includes(phase) ? itemsMetLeaves(req.require, phase) : [];
    default:
      return [];
  }
};

/** The items a status's award rule asks to be judged met, in the data's order. */
export const itemsBackingStatus = (statusId: string, catalogue: Catalogue, phase: Phase): string[] => {
  const codes = catalogue
    .requirementsFor(statusId, 'award')
    .flatMap((rule) => itemsMetLeaves(rule.requirement, phase))
    .flatMap((leaf) => codesOf(leaf, catalogue, { phase }));
  return [...new Set(codes)];
};

/** How far the judgements go towards the items backing a status: which are met, which are not. */
export const statusBacking = (
  statusId: string,
  judgements: readonly { itemCode: string; value: JudgementValue }[],
  catalogue: Catalogue,
  phase: Phase,
): { required: string[]; met: string[]; notMet: string[] } => {
  const values = new Map(judgements.map((j) => [j.itemCode, j.value]));
  const required = itemsBackingStatus(statusId, catalogue, phase);
  const met = required.filter((code) => values.get(code) === 'met');
  return { required, met, notMet: required.filter((code) => values.get(code) !== 'met') };
};
