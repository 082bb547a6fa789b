import type { Catalogue } from '../framework/catalogue.ts';
import { progressionGraph } from './progression-graph.ts';

/** One CPD suggestion of the framework, with a stable reference to where it comes from. */
export type CpdSuggestion = {
  /** `TA2/cpdSuggestions/3`: the role and the suggestion's position in its list. */
  ref: string;
  roleId: string;
  roleTitle: string;
  /** Whether the suggestion is for the person's own role (otherwise for a role it leads to). */
  forCurrentRole: boolean;
  text: string;
};

const refOf = (roleId: string, index: number) => `${roleId}/cpdSuggestions/${index}`;

const suggestionsOfRole = (catalogue: Catalogue, roleId: string, forCurrentRole: boolean): CpdSuggestion[] => {
  const role = catalogue.role(roleId);
  return (role?.cpdSuggestions?.items ?? []).map((text, index) => ({
    ref: refOf(roleId, index),
    roleId,
    roleTitle: role?.title ?? roleId,
    forCurrentRole,
    text,
  }));
};

/**
 * The framework's CPD suggestions for a person at a graded role: the role's own, then those of the
 * roles it directly leads to (the `precedes` edges), so the next step up is in view too.
 */
export const cpdSuggestionsFor = (catalogue: Catalogue, gradedRole: string | null): CpdSuggestion[] => {
  if (!gradedRole || !catalogue.role(gradedRole)) return [];
  const next = progressionGraph(catalogue)
    .successors(gradedRole)
    .filter((code) => catalogue.role(code));
  return [...suggestionsOfRole(catalogue, gradedRole, true), ...next.flatMap((code) => suggestionsOfRole(catalogue, code, false))];
};

/** The suggestion a reference names, if the catalogue still holds it. */
export const cpdSuggestionByRef = (catalogue: Catalogue, ref: string): CpdSuggestion | undefined => {
  const match = /^([A-Z][A-Z0-9_]*)\/cpdSuggestions\/(\d+)$/.exec(ref);
  if (!match) return undefined;
  return suggestionsOfRole(catalogue, match[1] ?? '', true).find((s) => s.ref === ref);
};

/** A planned activity's title from a suggestion's text: its first line, cut at a word near 200 characters. */
export const titleOfSuggestion = (text: string, max = 200): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
};
