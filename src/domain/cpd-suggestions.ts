import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Role } from '../framework/schema.ts';
import { progressionGraph } from './progression-graph.ts';
import { evaluate } from './requirements/index.ts';

/** One CPD suggestion of the framework, with a stable reference to where it comes from. */
export type CpdSuggestion = {
  /** `TA2/cpdSuggestions/3`: the role and the suggestion's position in its list. */
  ref: string;
  roleId: string;
  roleTitle: string;
  /** Whether the suggestion is for the person's own role (otherwise for a role it leads to). */
  forCurrentRole: boolean;
  text: string;
  /** Set when the suggestion is the role's by inheritance ("In addition to the suggestions for TA 4"): the role it comes from. */
  inheritedFrom?: string;
};

const refOf = (roleId: string, index: number) => `${roleId}/cpdSuggestions/${index}`;

const ownSuggestions = (catalogue: Catalogue, roleId: string, forCurrentRole: boolean): CpdSuggestion[] => {
  const role = catalogue.role(roleId);
  return (role?.cpdSuggestions?.items ?? []).map((text, index) => ({
    ref: refOf(roleId, index),
    roleId,
    roleTitle: role?.title ?? roleId,
    forCurrentRole,
    text,
  }));
};

/** A role's suggestions: its own, then those it inherits (each keeping the reference of the role it comes from). */
const suggestionsOfRole = (catalogue: Catalogue, roleId: string, forCurrentRole: boolean): CpdSuggestion[] => {
  const role = catalogue.role(roleId);
  const from = role?.inheritsCpdSuggestionsFrom?.role;
  const inherited =
    from && from !== roleId
      ? ownSuggestions(catalogue, from, forCurrentRole).map((s) => ({
          ...s,
          roleId,
          roleTitle: role?.title ?? roleId,
          inheritedFrom: from,
        }))
      : [];
  return [...ownSuggestions(catalogue, roleId, forCurrentRole), ...inherited];
};

/** The leave-out rules that apply to a suggestion shown under a role: the role's own and those of the role it inherits from. */
const leaveOutRules = (catalogue: Catalogue, suggestion: CpdSuggestion): NonNullable<Role['cpdLeaveOut']> => {
  const roles = [suggestion.roleId, ...(suggestion.inheritedFrom ? [suggestion.inheritedFrom] : [])];
  return roles.flatMap((id) => catalogue.role(id)?.cpdLeaveOut ?? []).filter((rule) => rule.suggestion === suggestion.text);
};

/** Whether the person already holds or exceeds what a suggestion offers (a leave-out rule of the data is met). */
export const alreadyHeld = (catalogue: Catalogue, suggestion: CpdSuggestion, state: PersonState): boolean =>
  leaveOutRules(catalogue, suggestion).some(
    (rule) => evaluate(rule.when, state, catalogue, { phase: state.phase, nation: state.nation }).status === 'met',
  );

/**
 * The framework's CPD suggestions for a person at a graded role: the role's own (with those it
 * inherits), then those of the roles it directly leads to (the `precedes` edges), so the next step
 * up is in view too. Each suggestion appears once. Given the person's state, suggestions they
 * already hold or exceed (by the data's leave-out rules) are left out.
 */
export const cpdSuggestionsFor = (catalogue: Catalogue, gradedRole: string | null, state?: PersonState): CpdSuggestion[] => {
  if (!gradedRole || !catalogue.role(gradedRole)) return [];
  const next = progressionGraph(catalogue)
    .successors(gradedRole)
    .filter((code) => catalogue.role(code));
  const all = [...suggestionsOfRole(catalogue, gradedRole, true), ...next.flatMap((code) => suggestionsOfRole(catalogue, code, false))];
  const seen = new Set<string>();
  const unique = all.filter((s) => !seen.has(s.ref) && Boolean(seen.add(s.ref)));
  return state ? unique.filter((s) => !alreadyHeld(catalogue, s, state)) : unique;
};

/** The suggestion a reference names, if the catalogue still holds it. */
export const cpdSuggestionByRef = (catalogue: Catalogue, ref: string): CpdSuggestion | undefined => {
  const match = /^([A-Z][A-Z0-9_]*)\/cpdSuggestions\/(\d+)$/.exec(ref);
  if (!match) return undefined;
  return ownSuggestions(catalogue, match[1] ?? '', true).find((s) => s.ref === ref);
};

/** A planned activity's title from a suggestion's text: its first line, cut at a word near 200 characters. */
export const titleOfSuggestion = (text: string, max = 200): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
};
