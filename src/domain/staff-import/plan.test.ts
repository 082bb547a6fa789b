import { describe, expect, it } from 'vitest';
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

describe('planStaffImport', () => {
  it('creates people who are new', () => {
    const plan = planStaffImport([record('S1')], [], { markMissingAsLeft: false });
    expect(plan.create).toHaveLength(1);
  });

  it('changes nothing when the same file is applied again', () => {
    const plan = planStaffImport([record('S1')], [onRecord(record('S1'), 'p1')], { markMissingAsLeft: false });
    expect(plan).toMatchObject({ create: [], update: [], unchanged: [{ personId: 'p1' }] });
  });

  it('updates a matched person with the fields that changed', () => {
    const updated = record('S1', { familyName: 'Evans' });
    const plan = planStaffImport([updated], [onRecord(record('S1'), 'p1')], { markMissingAsLeft: false });
    expect(plan.update).toEqual([{ personId: 'p1', record: updated, changes: [{ field: 'familyName', before: 'Jones', after: 'Evans' }] }]);
  });

  it('matches by email when the staff code is new', () => {
    const existing = onRecord(record('S1', { staffCode: null }), 'p1');
    const plan = planStaffImport([record('S1')], [existing], { markMissingAsLeft: false });
    expect(plan.update[0]?.changes).toEqual([{ field: 'staffCode', before: null, after: 'S1' }]);
  });

  it('lists people missing from the file without marking them left unless asked', () => {
    const existing = [onRecord(record('S1'), 'p1'), onRecord(record('S2'), 'p2')];
    const partial = planStaffImport([record('S1')], existing, { markMissingAsLeft: false });
    expect(partial.missing.map((p) => p.personId)).toEqual(['p2']);
    expect(partial.markMissingAsLeft).toBe(false);
    expect(planStaffImport([record('S1')], existing, { markMissingAsLeft: true }).markMissingAsLeft).toBe(true);
  });

  it('brings back a leaver who is in the file again', () => {
    const plan = planStaffImport([record('S1')], [onRecord(record('S1'), 'p1', true)], { markMissingAsLeft: false });
    expect(plan.update[0]?.changes).toEqual([{ field: 'left', before: true, after: false }]);
  });
});
