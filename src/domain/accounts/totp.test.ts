import { describe, expect, it } from 'vitest';
import { totpCodeAt, totpSecretFrom, totpUri, verifyTotp } from './totp.ts';

const secret = totpSecretFrom(new Uint8Array(20).fill(7));
const now = new Date('2026-11-22T10:00:15Z');

describe('TOTP', () => {
  it('accepts the current code and returns its time step', () => {
    expect(verifyTotp(secret, totpCodeAt(secret, now), now, null)).toEqual({ ok: true, step: Math.floor(now.getTime() / 30_000) });
  });

  it('allows one step of clock drift but not two', () => {
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now, null).ok).toBe(true);
    expect(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a wrong code and a malformed one', () => {
    const wrong = String((Number(totpCodeAt(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, now, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(verifyTotp(secret, 'abc123', now, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code replayed in the same time step', () => {
    const first = verifyTotp(secret, totpCodeAt(secret, now), now, null);
    expect(first.ok).toBe(true);
    const step = first.ok ? first.step : 0;
    expect(verifyTotp(secret, totpCodeAt(secret, now), new Date(now.getTime() + 5_000), step)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('gives authenticator apps an otpauth URI naming Pathways and the account', () => {
    expect(totpUri(secret, 'sian@school.org.uk')).toMatch(
      /^otpauth:\/\/totp\/Pathways:sian%40school\.org\.uk\?issuer=Pathways&secret=[A-Z2-7]+/,
    );
  });
});
