import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Framework } from '../framework/schema.ts';

/**
 * Credits a person holds and what size of qualification they amount to. Units, entered
 * qualifications with credits and degrees/HE credits count at their own level; catalogue
 * qualifications count their credits (or the minimum of their credit range) at their level.
 * Credits carry across awarding organisations: only level and number matter.
 */

/** One source of credits: `level` is where they count, `from` what gave them. */
export type CreditSource = { level: number; credits: number; from: 'unit' | 'degree' | 'qualification' };

/** Every credit-bearing thing the person holds. */
export const creditSources = (state: Pick<PersonState, 'achievements'>, catalogue: Catalogue): CreditSource[] =>
  state.achievements.flatMap((a): CreditSource[] => {
    if ('units' in a) return a.units.map((u) => ({ level: u.level, credits: u.credits, from: 'unit' }));
    if ('degree' in a) return [{ level: a.level, credits: a.credits, from: 'degree' }];
    if (!('qualification' in a)) return [];
    const q = catalogue.qualification(a.qualification);
    if (q?.creditRange) return [{ level: q.creditRange.level, credits: q.creditRange.min, from: 'qualification' }];
    if (q?.credits && typeof q.level === 'number') return [{ level: q.level, credits: q.credits, from: 'qualification' }];
    return [];
  });

/** Credits from the given sources at a level or above. */
export const creditsFrom = (sources: readonly CreditSource[], level: number): number =>
  sources.reduce((sum, s) => (s.level >= level ? sum + s.credits : sum), 0);

/** Credits the person holds at a level or above: units, degrees, and held qualifications' credits or minimum credit range. */
export const creditsAtLevel = (state: Pick<PersonState, 'achievements'>, level: number, catalogue: Catalogue): number =>
  creditsFrom(creditSources(state, catalogue), level);

export type CreditRules = NonNullable<Framework['creditRules']>;
export type CreditSize = CreditRules['sizes'][number];

/** The framework's credit rules (Award/Certificate/Diploma sizes), from whichever framework states them. */
export const creditRulesOf = (catalogue: Catalogue): CreditRules | undefined =>
  catalogue.frameworks.find((f) => f.creditRules)?.creditRules;

/** The sizes a number of credits reaches (every size whose minimum it meets), smallest first. */
export const sizesReached = (credits: number, rules: CreditRules): CreditSize[] =>
  rules.sizes.filter((s) => credits >= s.minCredits && credits > 0).sort((a, b) => a.minCredits - b.minCredits);

/** The size of qualification a number of credits amounts to: the largest size reached, if any. */
export const qualificationSize = (credits: number, rules: CreditRules): CreditSize | undefined => sizesReached(credits, rules).at(-1);

/** Credits at each level or above (1–8) with the size they amount to; levels with no credits are left out. */
export const creditSummary = (
  state: Pick<PersonState, 'achievements'>,
  catalogue: Catalogue,
): { level: number; credits: number; size: string | undefined; sentence: string }[] => {
  const sources = creditSources(state, catalogue);
  const rules = creditRulesOf(catalogue);
  return [1, 2, 3, 4, 5, 6, 7, 8].flatMap((level) => {
    const credits = creditsFrom(sources, level);
    if (credits === 0) return [];
    const size = rules ? qualificationSize(credits, rules)?.kind : undefined;
    const sentence = `Your ${credits} credits at Level ${level} or above${size ? ` are the size of ${/^[aeiou]/i.test(size) ? 'an' : 'a'} ${size[0]?.toUpperCase()}${size.slice(1)}` : ''}.`;
    return [{ level, credits, size, sentence }];
  });
};
