import { describe, expect, it } from 'vitest';
import { highlightPupilNames, possiblePupilNames } from './pupil-names.ts';

const staff = ['Priya Shah', 'Tom Baker', "Siobhan O'Brien"];
const names = (text: string, staffNames: readonly string[] = staff) => possiblePupilNames(text, staffNames).map((s) => s.name);

describe('possiblePupilNames', () => {
  it.each([
    ['a plain full name', 'I worked with Jamie Smith on his reading.', ['Jamie Smith']],
    ['a name with an apostrophe', "Aisha O'Neill read the passage aloud.", ["Aisha O'Neill"]],
    ['a hyphenated first name', 'Mary-Jane Watts finished her sums first.', ['Mary-Jane Watts']],
    [
      'a curly apostrophe and a Mc name',
      'Then Connor McDonald and Zoë D\u2019Souza swapped roles.',
      ['Connor McDonald', 'Zoë D\u2019Souza'],
    ],
    ['three names in a row', 'Mary Ann Lee needed a movement break.', ['Mary Ann Lee']],
    ['a name after an -ing word', 'Supporting Harry Potts with his spellings.', ['Harry Potts']],
    ['a surname ending in -ing', 'Ella Manning counted to twenty.', ['Ella Manning']],
    ['a name after a day of the week', 'On Monday Jamie Smith refused to come in from the yard.', ['Jamie Smith']],
    ['a name after a month at the start', 'In March Leo Turner joined the group.', ['Leo Turner']],
    [
      'several names in a paragraph',
      'Ruby Khan and Alfie Jones worked together; later Ruby Khan helped Noah.',
      ['Ruby Khan', 'Alfie Jones', 'Ruby Khan'],
    ],
  ])('flags %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['a first name alone', 'Jamie settled quickly after break.'],
    ['school structure', 'The Year 5 class in Key Stage 2 worked with the Teaching Assistant on Level 3 work.'],
    ['subjects and programmes', 'We used Read Write Inc and Little Wandle phonics in English and Maths.'],
    ['framework words', 'This evidences Higher Level Teaching Assistant standards and the National Curriculum.'],
    ['titles of staff', 'Mrs Patel and Mr Jon Edwards observed; Dr Green advised.'],
    ['staff in the staff list, in any case', 'Priya Shah and TOM BAKER planned it with siobhan o\u2019brien.'],
    ['days and months together', 'Friday September the 3rd was the first day.'],
    ['a name split over two lines', 'I spoke to Jamie\nSmith was absent.'],
    ['capitalised words split by punctuation', 'Jamie, Smith and Patel are surnames.'],
    ['acronyms', 'His EHCP and SEND support plan from the SENCO.'],
    ['a title-case evidence title', 'Managing Challenging Behaviour At Lunchtime\n\nSmall Group Phonics Intervention'],
    ['an -ing word opening a title', 'Supporting Reading Groups'],
    ['an empty text', ''],
  ])('does not flag %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  it('gives exact positions of each span', () => {
    const text = 'On Tuesday Jamie Smith and Aisha O\u2019Neill led the group.';
    for (const span of possiblePupilNames(text, [])) expect(text.slice(span.start, span.end)).toBe(span.name);
  });
});

describe('highlightPupilNames', () => {
  it('cuts the text into plain and flagged segments that join back to the text', () => {
    const text = 'I worked with Jamie Smith and Aisha Khan <b>today</b>.';
    const segments = highlightPupilNames(text, possiblePupilNames(text, []));
    expect(segments).toEqual([
      { text: 'I worked with ', flagged: false },
      { text: 'Jamie Smith', flagged: true },
      { text: ' and ', flagged: false },
      { text: 'Aisha Khan', flagged: true },
      { text: ' <b>today</b>.', flagged: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('keeps the text whole when nothing is flagged, and ignores overlapping or out-of-range spans', () => {
    expect(highlightPupilNames('Nothing here.', [])).toEqual([{ text: 'Nothing here.', flagged: false }]);
    expect(highlightPupilNames('', [])).toEqual([]);
    const spans = [
      { name: 'Jamie Smith', start: 0, end: 11 },
      { name: 'Smith', start: 6, end: 11 },
      { name: 'x', start: 5, end: 99 },
    ];
    expect(highlightPupilNames('Jamie Smith ran.', spans)).toEqual([
      { text: 'Jamie Smith', flagged: true },
      { text: ' ran.', flagged: false },
    ]);
  });
});
