import { describe, expect, it } from 'vitest';
import { staffFieldNames } from './fields.ts';
import { type ExistingStaff, planStaffImport } from './plan.ts';
import type { StaffRecord } from './validate.ts';

const record = (code: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
  rows: [2],
  givenName: 'Siân',
  familyName: 'Jones',
  workEmail: `${code.toLowerCase()}@school.org.uk`,
  staffCode: code,
  startDate: null,
  leavingDate: null,
  specialisms: [],
  lineManager: null,
  posts: [{ roleValue: 'LSA', gradedRole: 'TA2', jobTitle: null, hoursPerWeek: null, weeksPerYear: null }],
  ...extra,
});
const onRecord = (r: StaffRecord, personId: string, left = false): ExistingStaff => {
  const { rows: _rows, ...rest } = r;
  return { ...rest, personId, left };
};

/** Options for a file with a column for every field. */
const every = { markMissingAsLeft: false, columns: new Set(staffFieldNames) };
const without = (...absent: string[]) => ({
  markMissingAsLeft: false,
  columns: new Set(staffFieldNames.filter((f) => !absent.includes(f))),
});

describe('planStaffImport', () => {
  it('creates people who are new', () => {
    const plan = planStaffImport([record('S1')], [], every);
    expect(plan.create).toHaveLength(1);
  });

  it('changes nothing when the same file is applied again', () => {
    const plan = planStaffImport([record('S1')], [onRecord(record('S1'), 'p1')], every);
    expect(plan).toMatchObject({ create: [], update: [], unchanged: [{ personId: 'p1' }] });
  });

  it('updates a matched person with the fields that changed', () => {
    const updated = record('S1', { familyName: 'Evans' });
    const plan = planStaffImport([updated], [onRecord(record('S1'), 'p1')], every);
    expect(plan.update).toEqual([{ personId: 'p1', record: updated, changes: [{ field: 'familyName', before: 'Jones', after: 'Evans' }] }]);
  });

  it('matches by email when the staff code is new', () => {
    const existing = onRecord(record('S1', { staffCode: null }), 'p1');
    const plan = planStaffImport([record('S1')], [existing], every);
    expect(plan.update[0]?.changes).toEqual([{ field: 'staffCode', before: null, after: 'S1' }]);
  });

  it('lists people missing from the file without marking them left unless asked', () => {
    const existing = [onRecord(record('S1'), 'p1'), onRecord(record('S2'), 'p2')];
    const partial = planStaffImport([record('S1')], existing, every);
    expect(partial.missing.map((p) => p.personId)).toEqual(['p2']);
    expect(partial.markMissingAsLeft).toBe(false);
    expect(planStaffImport([record('S1')], existing, { ...every, markMissingAsLeft: true }).markMissingAsLeft).toBe(true);
  });

  it('brings back a leaver who is in the file again', () => {
    const plan = planStaffImport([record('S1')], [onRecord(record('S1'), 'p1', true)], every);
    expect(plan.update[0]?.changes).toEqual([{ field: 'left', before: true, after: false }]);
  });

  it('changes nothing from a column the file does not have', () => {
    const before = record('S1', {
      lineManager: 'M1',
      startDate: '2020-09-01',
      posts: [{ roleValue: 'LSA', gradedRole: 'TA2', jobTitle: 'Teaching assistant', hoursPerWeek: 30, weeksPerYear: 39 }],
    });
    // The file has no line manager, job title, hours, weeks or start date: its empty values are not blanks.
    const imported = record('S1', { familyName: 'Evans' });
    const plan = planStaffImport(
      [imported],
      [onRecord(before, 'p1')],
      without('lineManager', 'jobTitle', 'hoursPerWeek', 'weeksPerYear', 'startDate'),
    );
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]?.changes).toEqual([{ field: 'familyName', before: 'Jones', after: 'Evans' }]);
    expect(plan.update[0]?.record).toMatchObject({ lineManager: 'M1', startDate: '2020-09-01', posts: before.posts });
  });

  it('keeps the posts on record when the file has no post column at all', () => {
    const before = record('S1', { posts: [{ roleValue: 'LSA', gradedRole: 'TA2', jobTitle: 'TA', hoursPerWeek: 30, weeksPerYear: null }] });
    const plan = planStaffImport(
      [record('S1', { posts: [] })],
      [onRecord(before, 'p1')],
      without('role', 'jobTitle', 'hoursPerWeek', 'weeksPerYear'),
    );
    expect(plan.unchanged).toHaveLength(1);
  });

  it('clears a field whose column is there but whose cell is empty, and lists it', () => {
    const before = record('S1', {
      lineManager: 'M1',
      posts: [{ roleValue: 'LSA', gradedRole: 'TA2', jobTitle: 'TA', hoursPerWeek: null, weeksPerYear: null }],
    });
    const plan = planStaffImport([record('S1')], [onRecord(before, 'p1')], every);
    expect(plan.update[0]?.changes).toEqual([
      { field: 'lineManager', before: 'M1', after: null },
      {
        field: 'posts',
        before: before.posts,
        after: [{ roleValue: 'LSA', gradedRole: 'TA2', jobTitle: null, hoursPerWeek: null, weeksPerYear: null }],
      },
    ]);
  });

  it('does not bring back a leaver from a file without a leaving-date column', () => {
    const leaver = onRecord(record('S1', { leavingDate: '2025-07-31' }), 'p1', true);
    expect(planStaffImport([record('S1')], [leaver], without('leavingDate')).unchanged).toHaveLength(1);
  });
});
