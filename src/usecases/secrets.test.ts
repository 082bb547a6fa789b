import { describe, expect, it } from 'vitest';
import { decryptSecret, deriveKeys, encryptSecret } from './secrets.ts';

const keys = deriveKeys(new Uint8Array(32).fill(1));

describe('secrets at rest', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const stored = encryptSecret(keys, 'client-secret-123');
    expect(stored).not.toContain('client-secret-123');
    expect(decryptSecret(keys, stored)).toBe('client-secret-123');
  });

  it('cannot be read with another key', () => {
    const stored = encryptSecret(keys, 'x');
    expect(() => decryptSecret(deriveKeys(new Uint8Array(32).fill(2)), stored)).toThrow(/secret key has changed/);
  });

  it('refuses a stored secret whose tag was cut short', () => {
    const [version, iv, tag, ciphertext] = encryptSecret(keys, 'x').split('.');
    expect(() => decryptSecret(keys, [version, iv, tag?.slice(0, 8), ciphertext].join('.'))).toThrow(/could not be decrypted/);
  });

  it('derives different keys for the audit chain and for encryption', () => {
    expect(Buffer.from(keys.auditKey).equals(Buffer.from(keys.encryptionKey))).toBe(false);
  });

  it('refuses a short master key', () => {
    expect(() => deriveKeys(new Uint8Array(8))).toThrow(/too short/);
  });
});
