/**
 * Spotting text that may name a pupil, so the author gives it a second look before submitting.
 *
 * A possible name is a run of two or more capitalised words on one line ("Jamie Smith", "Aisha O'Neill",
 * "Mary-Jane Watts", "Mary Ann Lee"). Words that are capitalised for other reasons (days, months, school
 * terms, subjects, job titles, framework words, common sentence openers) break a run, so "On Monday Jamie
 * Smith…" flags only "Jamie Smith" and "Key Stage 2" or "Teaching Assistant" flags nothing. A run that opens
 * with a title (Mr, Mrs, Ms, Miss, Mx, Dr) is a staff-style reference and is not flagged: pupils are not
 * called "Mrs". A run cannot open with a word ending in -ing ("Supporting Reading Groups" is a title, not a
 * name). Names in the staff list (case-insensitive) are not flagged. It is a prompt, not a filter:
 * a single first name ("Jamie") is not flagged, and nothing is changed in the text.
 */

/** Where a possible pupil name sits in the text: `text.slice(start, end) === name`. */
export type NameSpan = { name: string; start: number; end: number };

/** A piece of the text, flagged where it may name a pupil. */
export type TextSegment = { text: string; flagged: boolean };

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'prof', 'professor', 'rev']);

const NOT_NAMES = new Set(
  // Days, months, seasons and terms.
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december autumn spring summer winter term half christmas easter ' +
    // Sentence openers and pronouns that start a sentence before a name.
    'the a an this that these those then when while after before during today yesterday this last next on in at ' +
    'for with from to by as if once since until although though because so but and or also later afterwards ' +
    'i we he she they it my our his her their its you your one each every all both some most many ' +
    'working during reflecting overall firstly secondly finally initially here there however yes no ' +
    // School structure, roles and documents.
    'year years key stage level reception nursery foundation eyfs class group school academy trust primary ' +
    'secondary infant junior college university department team staff head deputy assistant teacher teachers ' +
    'teaching learning support senco headteacher principal governor governors manager lead leader hlta higher ' +
    'associate specialist apprentice apprenticeship standard standards duty duties national curriculum ' +
    'professional development plan plans policy education health care ehcp send sen iep local authority ' +
    // Subjects and common programmes.
    'english maths mathematics math science history geography art design technology music computing french ' +
    'spanish german religious physical pe pshe rse literacy numeracy phonics reading writing spelling grammar ' +
    'read write inc recovery talk boost letters sounds little wandle zones regulation lego therapy ' +
    'numicon nessy ' +
    // Words evidence titles capitalise ("Lunchtime Behaviour Incident", "Small Group Intervention").
    'behaviour lunchtime playtime breaktime playground assembly lesson lessons session sessions intervention ' +
    'observation reflective account witness testimony discussion meeting review feedback assessment progress ' +
    'small whole group groups incident visit trip club plan' +
    ' ' +
    // Places, organisations and products that turn up in evidence.
    'england britain uk ofsted dfe google microsoft teams word powerpoint excel zoom'
  ).split(/\s+/),
);

// A capitalised word: "Jamie", "O'Neill", "Mary-Jane", "McDonald", "D'Souza".
const NAME_WORD = /^\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)*)?(?:['\u2019-]\p{Lu}?\p{Ll}+)*$/u;

type Word = { text: string; start: number; end: number };

const wordsWithPositions = (text: string): Word[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*\.?/gu)].map((m) => {
    const raw = m[0];
    const word = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    return { text: word, start: m.index, end: m.index + word.length };
  });

const isNameWord = (word: string) => word.length >= 2 && NAME_WORD.test(word) && !NOT_NAMES.has(word.toLowerCase());

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The runs of consecutive words joined only by one space (no punctuation, no line break). */
const adjacent = (text: string, a: Word, b: Word) => text.slice(a.end, b.start) === ' ';

/** Spans of the text that look like a pupil's full name and are not in the staff list. */
export const possiblePupilNames = (text: string, staffNames: readonly string[]): NameSpan[] => {
  const staff = new Set(staffNames.map(normalise));
  const words = wordsWithPositions(text);
  const spans: NameSpan[] = [];
  let run: Word[] = [];
  let afterTitle = false;
  const close = () => {
    // "Managing Challenging …" in a title: a word ending in -ing opens a phrase, not a name.
    while (run[0] && /ing$/.test(run[0].text)) run.shift();
    if (run.length >= 2 && !afterTitle) {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last) {
        const name = text.slice(first.start, last.end);
        if (!staff.has(normalise(name))) spans.push({ name, start: first.start, end: last.end });
      }
    }
    run = [];
    afterTitle = false;
  };
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (run.length > 0 && previous && !adjacent(text, previous, word)) close();
    if (TITLES.has(word.text.toLowerCase()) && /^\p{Lu}/u.test(word.text)) {
      close();
      afterTitle = true;
      return;
    }
    if (isNameWord(word.text)) {
      run.push(word);
      return;
    }
    close();
  });
  close();
  return spans;
};

/** The text cut into plain and flagged segments, for a page to render (escaped) with `<mark>` on the flagged ones. */
export const highlightPupilNames = (text: string, spans: readonly NameSpan[]): TextSegment[] => {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start), flagged: false });
    segments.push({ text: text.slice(span.start, span.end), flagged: true });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), flagged: false });
  return segments;
};
