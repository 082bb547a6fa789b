import type { Catalogue } from '../../src/framework/catalogue.ts';
import { itemLabel } from '../../src/framework/item-label.ts';
import { ITEM_CODE } from '../../src/http/web/unlabelled-codes.ts';

/**
 * What a reader must never meet in a page's visible text. Each check names itself, so a failure reads
 * "an internal id used as a label: TEACHER_QTS …" rather than a bare regular expression.
 */
export type TextCheck = { name: string; offences(text: string): string[] };

const lineMatches =
  (pattern: RegExp) =>
  (text: string): string[] =>
    text
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => line.trim().slice(0, 160));

/** Wording that belongs to the developers, not to the public (the list: "seed", YAML names, seed file names, placeholder dates). */
export const developerWording: TextCheck[] = [
  { name: 'the word "seed"', offences: lineMatches(/\bseed\b/i) },
  { name: 'a YAML file name', offences: lineMatches(/\.ya?ml\b/) },
  { name: 'a seed file name', offences: lineMatches(/\d{3}_[0-9a-f]{16}/) },
  { name: 'the placeholder date 01/01/0001', offences: lineMatches(/01\/01\/0001/) },
];

/** An id of ours shown where a name belongs: a UUID, or an ALL_CAPS_ID such as TEACHER_QTS. */
export const internalIds: TextCheck[] = [
  { name: 'an internal id used as a label', offences: lineMatches(/\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\b/) },
  { name: 'a UUID shown to the reader', offences: lineMatches(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i) },
];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A competency item code ("HLTA.17") that is not followed by its wording. The wording is the item's own
 * statement (or title) from the framework, after " — " as `itemLabel` writes it or after the gap
 * between a code column and its text (the explorer's item lists show the code in a box of its own).
 */
export const itemCodesWithoutWording = (catalogue: Catalogue): TextCheck => ({
  name: 'an item code without its wording',
  offences: (text) =>
    text.split('\n').flatMap((line) =>
      [...line.matchAll(ITEM_CODE)].flatMap((match) => {
        const after = squash(line.slice(match.index + match[0].length)).replace(/^(—|:)\s*/, '');
        const label = itemLabel(catalogue, match[0]);
        const wordings = [label.statement, catalogue.title(match[0])].filter((w): w is string => Boolean(w));
        const worded = wordings.some((w) => {
          const start = squash(w).slice(0, 24);
          return after.startsWith(start) || after.startsWith(start.charAt(0).toUpperCase() + start.slice(1));
        });
        return worded ? [] : [`${match[0]} ${after.slice(0, 40)}`];
      }),
    ),
});

/** Every check's offences in the text, each as "<check>: <where>". */
export const textOffences = (text: string, checks: readonly TextCheck[]): string[] =>
  checks.flatMap((check) => check.offences(text).map((where) => `${check.name}: ${where}`));
