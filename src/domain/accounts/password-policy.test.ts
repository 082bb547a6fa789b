import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPassword('velvet orchard lantern kettle')).toEqual({ ok: true });
  });

  it.each(['short1!', 'Password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaaaa', 'letmein12345678'])('refuses %j', (password) => {
    expect(checkPassword(password).ok).toBe(false);
  });

  it('says how long a password must be', () => {
    expect(checkPassword('abc')).toEqual({ ok: false, reason: 'Use at least 12 characters' });
  });

  it('refuses a password that contains the person’s email address', () => {
    expect(checkPassword('olivia.grant@riverside-demo.example', ['olivia.grant@riverside-demo.example'])).toEqual({
      ok: false,
      reason: 'Do not use your email address in your password',
    });
  });

  it('refuses a password built from the person’s own name and email', () => {
    expect(checkPassword('sianjones2026', ['sian.jones@riverside.sch.uk', 'Siân Jones']).ok).toBe(false);
  });
});
