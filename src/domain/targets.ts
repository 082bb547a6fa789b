import { AppError } from '../contracts/errors.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { RequirementRule } from '../framework/schema.ts';

/** A goal or target: a role, a status or a qualification in the catalogue. */
export type Target = { id: string; title: string; kind: 'role' | 'status' | 'qualification' };

/** Looks a target up; an unknown id is a `not_found` error naming it. */
export const findTarget = (id: string, catalogue: Catalogue): Target => {
  const entry = catalogue.entry(id);
  if (entry?.type === 'role') return { id, title: entry.role.title, kind: 'role' };
  if (entry?.type === 'status') return { id, title: entry.status.title, kind: 'status' };
  if (entry?.type === 'qualification') return { id, title: entry.qualification.title, kind: 'qualification' };
  throw new AppError('not_found', `No role, status or qualification has the id ${id}`, [{ where: 'target', reason: `unknown id ${id}` }]);
};

const stageOrder: readonly RequirementRule['stage'][] = ['entry', 'hold', 'gateway', 'award'];

/**
 * The rules of a target in stage order. An imported apprenticeship standard with no rules of its
 * own gets the readiness rule every standard shares: all its core and chosen-option KSBs met.
 */
export const rulesOf = (id: string, catalogue: Catalogue): RequirementRule[] => {
  const rules = [...catalogue.requirementsFor(id)].sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage));
  if (rules.length > 0) return rules;
  const qualification = catalogue.qualification(id);
  const framework = catalogue.frameworkOf(id);
  const ksb = (kind: string) => kind === 'knowledge' || kind === 'skill' || kind === 'behaviour';
  if (qualification?.scheme !== 'apprenticeship-standard' || !framework || !(framework.items ?? []).some((i) => ksb(i.kind))) return [];
  return [
    {
      id: `${id}-ksbs`,
      target: id,
      stage: 'gateway',
      requirement: { type: 'itemsMet', set: { framework: framework.id, kinds: ['knowledge', 'skill', 'behaviour'] }, strength: 'required' },
      provenance: {
        origin: 'pathways',
        reason: 'an apprenticeship standard is ready for its gateway when its core and chosen-option KSBs are met',
      },
    },
  ];
};

/** The title of a role, status or qualification, or the id itself. */
export const titleOf = (id: string, catalogue: Catalogue): string => {
  const entry = catalogue.entry(id);
  if (entry?.type === 'role') return entry.role.title;
  if (entry?.type === 'status') return entry.status.title;
  if (entry?.type === 'qualification') return entry.qualification.title;
  return id;
};
