import { describe, expect, it } from 'vitest';
import { guessColumnMapping } from './fields.ts';
import { parseDate, type StaffImportRules, validateStaffRows } from './validate.ts';

const rules: StaffImportRules = {
  roleValues: new Map([
    ['lsa', 'TA2'],
    ['ta level 3', 'TA3'],
    ['hlta', 'TA5'],
    ['midday supervisor', null],
  ]),
  isGradedRole: (id) => ['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'ASNA1', 'ASNA2', 'ASNA3'].includes(id),
  specialisms: new Set(['a', 'b', 'c', 'd', 'SEND', 'SEW', 'SCP']),
};

const header = ['Legal Surname', 'Preferred Forename', 'Work Email', 'Staff Code', 'Role', 'Start Date'];
const validate = (...rows: string[][]) => validateStaffRows([header, ...rows], guessColumnMapping(header), rules);

describe('guessColumnMapping', () => {
  it('recognises a typical MIS export', () => {
    expect(guessColumnMapping(header)).toMatchObject({
      familyName: 0,
      givenName: 1,
      workEmail: 2,
      staffCode: 3,
      role: 4,
      startDate: 5,
      jobTitle: null,
    });
  });

  it('matches headers by words, whatever their case and punctuation', () => {
    expect(guessColumnMapping(['SURNAME', 'First_Name', 'E-mail address', 'Staff ID'])).toMatchObject({
      familyName: 0,
      givenName: 1,
      staffCode: 3,
    });
  });
});

describe('validateStaffRows', () => {
  it('reads good rows, mapping the school’s role words to framework roles', () => {
    const { records, errors } = validate(
      ['Jones', 'Siân', 'sian.jones@school.org.uk', 'SJ1', 'LSA', '01/09/2020'],
      ['Ó Súilleabháin', 'Zoë', 'zoe@school.org.uk', 'ZO2', 'Midday supervisor', ''],
    );
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.givenName, r.familyName, r.posts[0]?.gradedRole, r.startDate])).toEqual([
      ['Siân', 'Jones', 'TA2', '2020-09-01'],
      ['Zoë', 'Ó Súilleabháin', null, null],
    ]);
  });

  it('accepts a framework role id as written', () => {
    expect(validate(['Jones', 'Ann', '', 'A1', 'asna2', '']).records[0]?.posts[0]?.gradedRole).toBe('ASNA2');
  });

  it.each([
    [['', 'Siân', 'a@b.org', 'S1', 'LSA', ''], { row: 2, column: 'Legal Surname', reason: 'is required but empty' }],
    [
      ['Jones', 'Siân', 'not-an-email', 'S1', 'LSA', ''],
      { row: 2, column: 'Work Email', reason: '"not-an-email" is not an email address' },
    ],
    [
      ['Jones', 'Siân', 'a@b.org', 'S1', 'Cook', ''],
      { row: 2, column: 'Role', reason: '"Cook" is not mapped to a framework role (map it, or choose "no graded role")' },
    ],
    [
      ['Jones', 'Siân', 'a@b.org', 'S1', 'LSA', '31/02/2020'],
      { row: 2, column: 'Start Date', reason: '"31/02/2020" is not a date (use DD/MM/YYYY or YYYY-MM-DD)' },
    ],
  ])('reports %j as %j', (row, error) => {
    const result = validate(row);
    expect(result.errors).toEqual([error]);
    expect(result.records).toEqual([]);
  });

  it('lists unmapped role values once each so the wizard can ask about them', () => {
    expect(
      validate(['A', 'B', '', 'S1', 'Cook', ''], ['C', 'D', '', 'S2', 'Cook', ''], ['E', 'F', '', 'S3', 'Caretaker', ''])
        .unmappedRoleValues,
    ).toEqual(['Cook', 'Caretaker']);
  });

  it('treats two rows with the same staff code and name but different posts as one person with two posts', () => {
    const { records, errors } = validate(
      ['Jones', 'Siân', 'a@b.org', 'S1', 'TA level 3', ''],
      ['Jones', 'Siân', 'a@b.org', 'S1', 'Midday supervisor', ''],
    );
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]?.posts.map((p) => p.gradedRole)).toEqual(['TA3', null]);
  });

  it('reports a duplicate row and a staff code reused for someone else', () => {
    const dup = validate(['Jones', 'Siân', 'a@b.org', 'S1', 'LSA', ''], ['Jones', 'Siân', 'a@b.org', 'S1', 'LSA', '']);
    expect(dup.errors).toEqual([{ row: 3, column: 'Staff Code', reason: 'duplicates row 2 (same person and post)' }]);
    const clash = validate(['Jones', 'Siân', 'a@b.org', 'S1', 'LSA', ''], ['Smith', 'Ann', 'c@b.org', 'S1', 'LSA', '']);
    expect(clash.errors).toEqual([{ row: 3, column: 'Staff Code', reason: 'is also used on row 2 for Siân Jones' }]);
  });

  it('reports an email used by two different people', () => {
    const result = validate(['Jones', 'Siân', 'same@b.org', 'S1', 'LSA', ''], ['Smith', 'Ann', 'SAME@b.org', 'S2', 'LSA', '']);
    expect(result.errors).toEqual([{ row: 3, column: 'Work Email', reason: '"SAME@b.org" is also used on row 2' }]);
  });

  it('refuses a file with no column for a required field', () => {
    const result = validateStaffRows([['Email'], ['a@b.org']], guessColumnMapping(['Email']), rules);
    expect(result.errors.map((e) => e.column)).toEqual(['Family name', 'Given name']);
  });

  it('ignores blank rows', () => {
    expect(validate(['Jones', 'Siân', '', 'S1', 'LSA', ''], ['', '', '', '', '', '']).errors).toEqual([]);
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-22', '2026-11-22'],
    ['22/11/2026', '2026-11-22'],
    ['1.9.2020', '2020-09-01'],
    ['11/22/2026', null],
    ['yesterday', null],
  ])('%s → %s', (text, expected) => expect(parseDate(text)).toBe(expected));
});
