import { describe, expect, it } from 'vitest';
import { cheapPasswordCost, hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const a = await hashPassword('velvet orchard lantern', cheapPasswordCost);
    const b = await hashPassword('velvet orchard lantern', cheapPasswordCost);
    expect(a).toMatch(/^\$argon2id\$v=19\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('velvet orchard lantern', cheapPasswordCost);
    expect(await verifyPassword(stored, 'velvet orchard lantern')).toBe(true);
    expect(await verifyPassword(stored, 'velvet orchard lantern!')).toBe(false);
  });

  it('refuses an account without a password', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });
});
