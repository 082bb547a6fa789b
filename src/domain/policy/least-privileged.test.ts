import { describe, expect, it } from 'vitest';
import { roleNames } from './actor.ts';
import { leastPrivilegedRole } from './least-privileged.ts';

describe('the least privileged role', () => {
  it('is staff among all roles, as the grant table stands', () => {
    expect(leastPrivilegedRole(roleNames)).toBe('staff');
  });

  it('is chosen among the roles offered only', () => {
    expect(leastPrivilegedRole(['trust_admin', 'line_manager'])).toBe('line_manager');
    expect(leastPrivilegedRole([])).toBeUndefined();
  });
});
