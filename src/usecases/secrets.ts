import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors.ts';

/**
 * Keys derived from the one master secret that comes from the environment or a file (never the
 * database): the audit chain's HMAC key and the key that encrypts secrets held in the database
 * (single-sign-on client secrets, TOTP seeds).
 */
export type Keys = { auditKey: Uint8Array; encryptionKey: Uint8Array };

const derive = (master: Uint8Array, purpose: string) =>
  new Uint8Array(hkdfSync('sha256', master, new Uint8Array(0), `pathways:${purpose}`, 32));

export const deriveKeys = (master: Uint8Array): Keys => {
  if (master.length < 32)
    throw new AppError('config_invalid', 'The secret key is too short', [
      { where: 'PATHWAYS_SECRET_KEY', reason: 'use at least 32 random bytes, e.g. `openssl rand -base64 32`' },
    ]);
  return { auditKey: derive(master, 'audit-chain'), encryptionKey: derive(master, 'secrets-at-rest') };
};

/** Encrypts a secret for storage: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export const encryptSecret = (keys: Keys, plaintext: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
};

export const decryptSecret = (keys: Keys, stored: string): string => {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new AppError('internal', 'A stored secret is not in a known format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  try {
    // A truncated tag is tampering too: setAuthTag refuses it along with every other mismatch below.
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('internal', 'A stored secret could not be decrypted: the secret key has changed');
  }
};

export type KeySource = { secretKey?: string | undefined; secretKeyFile?: string | undefined; production: boolean; dataDir: string };

const DEMO_KEY_FILE = 'demo-secret.key';

/**
 * The master secret from PATHWAYS_SECRET_KEY or PATHWAYS_SECRET_KEY_FILE (base64). Production refuses to
 * start without one. A demo instance makes its own random key file in the data folder: acceptable for
 * demo data only, because a key beside the database does not protect it.
 */
export const loadKeys = async (source: KeySource): Promise<Keys> => {
  const { readFile, writeFile, mkdir } = await import('node:fs/promises');
  const { join, resolve } = await import('node:path');
  const text = source.secretKey ?? (source.secretKeyFile ? (await readFile(source.secretKeyFile, 'utf8')).trim() : undefined);
  if (text) return deriveKeys(Buffer.from(text, 'base64'));
  if (source.production) {
    throw new AppError('config_invalid', 'Production mode needs a secret key', [
      {
        where: 'PATHWAYS_SECRET_KEY',
        reason:
          'set PATHWAYS_SECRET_KEY (or PATHWAYS_SECRET_KEY_FILE) to 32+ random bytes in base64, e.g. `openssl rand -base64 32`; keep it outside the database',
      },
    ]);
  }
  const dir = resolve(source.dataDir);
  const file = join(dir, DEMO_KEY_FILE);
  await mkdir(dir, { recursive: true });
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return deriveKeys(Buffer.from(existing.trim(), 'base64'));
  const fresh = randomBytes(32).toString('base64');
  await writeFile(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  return deriveKeys(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
};
