import { describe, expect, it } from 'vitest';
import { readAssociateTeacherRules } from '../../framework/associate-teacher-rules.ts';
import { type SupervisionParty, supervisionProblems } from './supervision.ts';

const rule = (await readAssociateTeacherRules()).supervision;
const titles = ['Associate Teacher'];
const at: SupervisionParty = {
  personId: 'at',
  organisationId: 's1',
  gradedRole: 'ASSOCIATE_TEACHER_L5',
  roleLevel: 5,
  onProgramme: false,
  left: false,
};
const ta = (level: number, extra: Partial<SupervisionParty> = {}): SupervisionParty => ({
  personId: `ta${level}`,
  organisationId: 's1',
  gradedRole: `TA${level}`,
  roleLevel: level,
  onProgramme: false,
  left: false,
  ...extra,
});

describe('who an Associate Teacher supervises', () => {
  it('an Associate Teacher supervises Level 3 and Level 4 colleagues at their school', () => {
    expect(supervisionProblems(rule, at, ta(3), titles)).toEqual([]);
    expect(supervisionProblems(rule, at, ta(4), titles)).toEqual([]);
  });

  it('an apprentice on the programme supervises too, though their graded role is still TA4', () => {
    expect(supervisionProblems(rule, { ...ta(4), personId: 'apprentice', onProgramme: true }, ta(3), titles)).toEqual([]);
  });

  it('refuses a Level 2 colleague, one at another school, themselves, and a supervisor who is no Associate Teacher', () => {
    expect(supervisionProblems(rule, at, ta(2), titles)[0]?.reason).toBe(
      'An Associate Teacher supervises Level 3 and 4 colleagues; this colleague’s role is at level 2',
    );
    expect(supervisionProblems(rule, at, ta(3, { organisationId: 's2' }), titles)[0]?.reason).toBe('The colleague works at another school');
    expect(supervisionProblems(rule, at, at, titles)).toEqual([
      { where: 'superviseeId', reason: 'Nobody supervises themselves: choose a colleague' },
    ]);
    expect(supervisionProblems(rule, { ...ta(4), personId: 'x' }, ta(3), titles)).toEqual([
      { where: 'supervisor', reason: 'Only an Associate Teacher (or an apprentice on the programme) supervises colleagues' },
    ]);
  });
});
