import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../contracts/errors.ts';
import { checkPassword } from '../../domain/accounts/password-policy.ts';

/** argon2id cost. Real accounts use OWASP's recommended minimum; demo and test accounts a cheap one. */
export type PasswordCost = { memoryCost: number; timeCost: number };
export const standardPasswordCost: PasswordCost = { memoryCost: 19_456, timeCost: 2 };
export const cheapPasswordCost: PasswordCost = { memoryCost: 1024, timeCost: 1 };

/** Hashes a password with argon2id (PHC string with its own random salt). */
export const hashPassword = (password: string, cost: PasswordCost = standardPasswordCost): Promise<string> =>
  // argon2id is the library's default algorithm.
  hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });

/** A hash of a random password, verified against when an account is unknown so timing does not tell. */
let decoy: Promise<string> | undefined;

/** Verifies in constant time; an account without a password (or no account) still costs one verification. */
export const verifyPassword = async (stored: string | null | undefined, password: string): Promise<boolean> => {
  decoy ??= hashPassword(crypto.randomUUID());
  const target = stored ?? (await decoy);
  const ok = await verify(target, password).catch(() => false);
  return ok && stored !== null && stored !== undefined;
};

/**
 * Checks a new password against the policy (with the person's own words) and hashes it. A weak one
 * fails as a validation error on `field`, with the policy's reason.
 */
export const hashNewPassword = async (
  password: string,
  personalWords: readonly string[],
  options: { field: string; cost?: PasswordCost | undefined },
): Promise<string> => {
  const verdict = checkPassword(password, personalWords);
  if (!verdict.ok) throw new AppError('validation', 'Choose a different password', [{ where: options.field, reason: verdict.reason }]);
  return hashPassword(password, options.cost ?? standardPasswordCost);
};
