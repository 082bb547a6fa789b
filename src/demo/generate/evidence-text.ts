import type { JudgedItem } from './catalogue-view.ts';
import type { Random } from './random.ts';

/** The kinds of evidence a teaching assistant writes up, with the words a title starts with. */
export const EVIDENCE_KINDS = {
  'reflective-account': 'Reflective account',
  'observation-record': 'Observation',
  'witness-testimony': 'Witness testimony',
  'work-product': 'Work product',
  'professional-discussion': 'Professional discussion',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

const SUBJECTS = ['phonics', 'reading', 'maths', 'writing', 'science', 'PE', 'art', 'history', 'geography', 'computing', 'PSHE'];
const GROUPS = [
  'a small group of Year 2 pupils',
  'two pupils with EHC plans',
  'a Year 5 intervention group',
  'the whole class',
  'a pupil new to English',
  'a Year 9 nurture group',
  'three pupils working below age-related expectations',
  'a Year 11 revision group',
  'a pupil with autism',
  'the Reception class',
];
const OPENERS = [
  'This term I led',
  'Over six weeks I supported',
  'During a cover lesson I worked with',
  'At the class teacher’s request I planned a session for',
  'As part of our intervention timetable I ran sessions with',
  'Following the SENCo’s advice I adapted my support for',
];
const OUTCOMES = [
  'Their progress was tracked in the class assessment records and shared with the teacher.',
  'The teacher and I reviewed the outcomes together and agreed the next steps.',
  'Pupils’ confidence grew, and two of them now work independently for longer.',
  'I recorded what worked in my reflective log and changed the following session.',
  'The pupils’ work samples are attached to the class record.',
  'My line manager observed the second session and gave feedback.',
];
const FEEDBACK = [
  'Please say more about the impact on pupils’ learning, with an example.',
  'This shows the activity but not how you adapted it: add what you changed and why.',
  'Link this to the standard more directly: what did you do that it describes?',
];

/** The item's statement, trimmed for a title: at most `max` characters, cut at a word (memoised: statements recur). */
const shortened = new Map<string, string>();
const shorten = (text: string, max: number) => {
  const key = `${max}:${text}`;
  let short = shortened.get(key);
  if (short === undefined) {
    short = shortenOnce(text, max);
    if (shortened.size < 10_000) shortened.set(key, short);
  }
  return short;
};
const shortenOnce = (text: string, max: number) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean.replace(/[.;:]$/, '');
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[,;:]$/, '')}…`;
};

/** A title and body for a piece of evidence claiming these items, varied by the person's generator. */
export const evidenceTextOf = (random: Random, kind: EvidenceKind, items: readonly JudgedItem[]): { title: string; body: string } => {
  const first = items[0];
  const subject = random.pick(SUBJECTS);
  const title = `${EVIDENCE_KINDS[kind]}: ${subject} – ${shorten(first?.text ?? 'supporting learning', 70)}`;
  const claims = items.map((item) => `${item.code} (“${shorten(item.text, 120)}”)`).join('; ');
  const body = [
    `${random.pick(OPENERS)} ${random.pick(GROUPS)} in ${subject}.`,
    `This evidence is for ${claims}.`,
    random.pick(OUTCOMES),
  ].join(' ');
  return { title, body };
};

/** Feedback on a claim the reviewer returned. */
export const feedbackOf = (random: Random): string => random.pick(FEEDBACK);

/** A CPD reflection naming what the activity was about. */
export const reflectionOf = (random: Random, title: string): string =>
  `${random.pick(['I attended', 'I completed', 'I took part in'])} “${shorten(title, 100)}”. ${random.pick(OUTCOMES)}`;

/** A CPD title from a role's suggestions (long suggestions are cut at a word). */
export const cpdTitleOf = (suggestion: string): string => shorten(suggestion, 120);
