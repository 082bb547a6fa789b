import { stemmer } from 'stemmer';

/**
 * How search hears what people type. The framework is written in British English, its readers type
 * American spellings too; and school staff search by the words of their practice ("phonics"), which
 * the framework covers under its own words ("literacy", "early reading").
 */

/** American spellings and the British ones the framework uses. */
const BRITISH_SPELLING: Record<string, string> = {
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  color: 'colour',
  center: 'centre',
  program: 'programme',
  programs: 'programmes',
  counseling: 'counselling',
  modeling: 'modelling',
  practicing: 'practising',
  labeling: 'labelling',
  judgment: 'judgement',
  license: 'licence',
};

/** Words of practice and the framework's words for them; each query word also matches its alternatives. */
const ALTERNATIVES: Record<string, readonly string[]> = {
  phonics: ['literacy', 'early reading'],
  sen: ['special educational needs', 'send'],
  send: ['special educational needs'],
  eal: ['english as an additional language'],
  maths: ['mathematics', 'numeracy'],
  math: ['mathematics', 'numeracy'],
  safeguard: ['safeguarding'],
  autism: ['autistic', 'asd'],
  ict: ['digital', 'computing'],
};

const AMERICAN_ENDING = /(?<stem>\w{3,})iz(?<rest>e|es|ed|ing|ation|ations)$/;

/** One word as the index stores it: lower case, British spelling, stemmed. Codes (HLTA.17) stay whole. */
export const normaliseTerm = (term: string): string => {
  const lower = term.toLowerCase();
  if (/[.\d]/.test(lower)) return lower;
  const british = BRITISH_SPELLING[lower] ?? lower.replace(AMERICAN_ENDING, '$<stem>is$<rest>');
  return stemmer(british);
};

const alternativesByTerm = new Map(Object.entries(ALTERNATIVES).map(([word, phrases]) => [normaliseTerm(word), phrases]));

/** The framework's words for a word of practice, whatever form of it was typed ("phonic", "Phonics"). */
export const searchAlternatives = (word: string): readonly string[] => alternativesByTerm.get(normaliseTerm(word)) ?? [];
