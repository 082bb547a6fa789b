import { describe, expect, it } from 'vitest';
import { roleNames } from '../policy/actor.ts';
import { mfaRequiredRoles, mfaStepAfterPassword } from './mfa-roles.ts';

describe('mfaRequiredRoles', () => {
  it('names the roles that see many people’s personal data, and only those', () => {
    expect([...mfaRequiredRoles].sort()).toEqual(['assessor', 'school_admin', 'trust_admin']);
  });

  const expected: Record<(typeof roleNames)[number], 'enrol' | 'none'> = {
    trust_admin: 'enrol',
    school_admin: 'enrol',
    assessor: 'enrol',
    line_manager: 'none',
    staff: 'none',
    partnership_coordinator: 'none',
  };
  it.each(roleNames)('%s alone, not enrolled', (role) => {
    expect(mfaStepAfterPassword({ roles: [role], demoExempt: false, enrolled: false })).toBe(expected[role]);
  });

  it('requires it when any one of several roles does', () => {
    expect(mfaStepAfterPassword({ roles: ['staff', 'school_admin'], demoExempt: false, enrolled: false })).toBe('enrol');
  });

  it('challenges anyone enrolled, required or not', () => {
    expect(mfaStepAfterPassword({ roles: ['staff'], demoExempt: false, enrolled: true })).toBe('challenge');
    expect(mfaStepAfterPassword({ roles: ['trust_admin'], demoExempt: false, enrolled: true })).toBe('challenge');
  });

  it('exempts demo accounts in demo mode', () => {
    expect(mfaStepAfterPassword({ roles: ['trust_admin'], demoExempt: true, enrolled: false })).toBe('none');
  });
});
