import type { SpecialismRecord } from '../contracts/portfolio/specialism.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { isLeadIn, specialismLetters } from './duty-lead-ins.ts';

/** One specialism a person may record: its letter and the profile's wording (from the data, never from code). */
export type SpecialismChoice = { letter: string; code: string; text: string };

/**
 * The specialisms the framework data names: the alternatives under the NJC lead-ins ("expected to
 * undertake at least one of the following"), one per letter. The wording is the one under the
 * person's graded role where that role has the lead-in, else the first profile's in catalogue order.
 */
export const specialismChoices = (catalogue: Catalogue, role?: string): SpecialismChoice[] => {
  const known = new Set(specialismLetters(catalogue));
  const alternatives = catalogue.items({ kind: 'duty' }).filter((i) => {
    const parent = i.parent ? catalogue.item(i.parent) : undefined;
    return isLeadIn(parent) && known.has(i.code.slice(-1));
  });
  const byLetter = new Map<string, SpecialismChoice>();
  for (const item of alternatives) {
    const letter = item.code.slice(-1);
    const underRole = role !== undefined && catalogue.item(item.parent ?? '')?.parent === role;
    if (!byLetter.has(letter) || underRole) byLetter.set(letter, { letter, code: item.code, text: item.text });
  }
  return [...byLetter.values()].sort((a, b) => a.letter.localeCompare(b.letter));
};

/**
 * The specialisms the requirement interpreter counts: those on the employer's staff record (entered
 * by HR or the staff import) and those the line manager has confirmed. A specialism the person has
 * only recorded does not count until it is confirmed: a grade decision rests on the manager's word.
 */
export const countedSpecialisms = (staffRecord: readonly string[], confirmed: readonly string[]): string[] =>
  [...new Set([...staffRecord, ...confirmed])].sort();

/** What a new choice of letters changes: letters to record (awaiting confirmation) and live records to withdraw. */
export const specialismChanges = (
  live: readonly Pick<SpecialismRecord, 'id' | 'letter'>[],
  chosen: readonly string[],
): { record: string[]; withdraw: string[] } => {
  const wanted = new Set(chosen);
  const held = new Set(live.map((r) => r.letter));
  return {
    record: [...wanted].filter((l) => !held.has(l)).sort(),
    withdraw: live.filter((r) => !wanted.has(r.letter)).map((r) => r.id),
  };
};
