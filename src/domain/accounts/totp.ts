import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;

const totpFor = (secretBase32: string, label = 'Pathways') =>
  new TOTP({ issuer: 'Pathways', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A new base32 secret from 20 random bytes (the caller supplies the randomness). */
export const totpSecretFrom = (randomBytes: Uint8Array): string => new Secret({ buffer: randomBytes.slice().buffer }).base32;

/** The otpauth:// URI that authenticator apps read from the enrolment QR code. */
export const totpUri = (secretBase32: string, accountLabel: string): string => totpFor(secretBase32, accountLabel).toString();

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code at `now`, allowing one step of clock drift either way. A code whose time step is not
 * later than the last accepted one is refused as replayed, so an overheard code cannot be reused.
 */
export const verifyTotp = (secretBase32: string, code: string, now: Date, lastUsedStep: number | null): TotpCheck => {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'wrong' };
  const delta = totpFor(secretBase32).validate({ token, timestamp: now.getTime(), window: WINDOW_STEPS });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
};

/** The code an authenticator would show at `at` (for tests and enrolment checks). */
export const totpCodeAt = (secretBase32: string, at: Date): string => totpFor(secretBase32).generate({ timestamp: at.getTime() });
