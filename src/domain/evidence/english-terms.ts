/**
 * How evidence text and item statements are cut into search terms: lower-cased words, English stop-words
 * dropped, and a light suffix-stripping stem so "behaviours", "behaviour" and "behavioural" meet.
 * A full Porter stemmer over-conflates the short statements (it turns "learners" and "learning" into one
 * term); this one strips only the plural and the common derivational endings.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves us got get went go going today yesterday really ' +
    // Words nearly every item statement and every piece of evidence uses: they cannot tell items apart,
    // and keeping them lets long statements outrank short, pointed ones.
    'pupil child children teacher class year school learner young people activity'
  ).split(' '),
);

// Longest first, so "ments" is tried before "s"; each keeps a stem of at least four letters.
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ed', 'al', 'es', 's'] as const;

/** Whether a lower-cased word carries no meaning for matching. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);

/** Drops a final silent "e" and a doubled final consonant, so "advance"/"advanced" and "plan"/"planning" meet. */
const tidy = (stem: string): string => {
  if (stem.length > 4 && stem.endsWith('e') && !stem.endsWith('ee')) return stem.slice(0, -1);
  if (stem.length > 4 && /([bdfgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  return stem;
};

/** A light English stem: drops plural and common derivational endings, never below four letters. */
export const stemOf = (word: string): string => {
  if (word.length <= 4 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < 4) continue;
    return tidy(suffix === 'ies' ? `${stem}y` : stem);
  }
  return tidy(word);
};

/** The search terms of one word as MiniSearch sees it: null drops the word. */
export const termOf = (word: string): string | null => {
  const lower = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (lower.length < 2 || isStopWord(lower) || /^\d+$/.test(lower)) return null;
  const stem = stemOf(lower);
  return isStopWord(stem) ? null : stem;
};

/** The words of a text (letters and digits, keeping inner apostrophes; hyphens split "small-group"), in order. */
export const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu) ?? [];
