import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { credentials } from '../../store/credentials.ts';
import { sessions } from '../../store/sessions.ts';
import type { Tables } from '../../store/tables.ts';
import { hashNewPassword, type PasswordCost, verifyPassword } from './passwords.ts';

export type PasswordChangeDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  /** argon2id cost of the new hash: the standard one unless a test asks for a cheap one. */
  passwordCost?: PasswordCost;
  requestId?: string | null;
};

export type PasswordChange = { currentPassword: string; newPassword: string };

/**
 * A signed-in user changes their own password: the current one must be right, the new one must pass
 * the password policy (which also refuses their own email and names). Every other session of theirs
 * is revoked; the one they are using stays.
 */
export const changePassword = async (deps: PasswordChangeDeps, actor: Actor, sessionId: string, change: PasswordChange): Promise<void> => {
  const now = deps.clock();
  const account = await credentials(deps.db).findById(actor.userId);
  if (!account || account.disabledAt) throw new AppError('unauthenticated', 'Sign in to continue');
  const currentOk = await verifyPassword(account.passwordHash, change.currentPassword);
  const base = {
    trustId: account.trustId,
    actor: actor.userId,
    entity: 'account',
    entityId: actor.userId,
    requestId: deps.requestId ?? null,
    occurredAt: now,
  };
  if (!currentOk) {
    await audit(deps.db, deps.auditKey).record({
      ...base,
      action: 'account.password-change-refused',
      data: { reason: 'wrong-current-password' },
    });
    throw new AppError('validation', 'The password is not right', [
      { where: 'currentPassword', reason: 'Your current password is not right' },
    ]);
  }
  if (change.newPassword === change.currentPassword) {
    throw new AppError('validation', 'Choose a different new password', [
      { where: 'newPassword', reason: 'Choose a password different from your current one' },
    ]);
  }
  const personalWords = [account.email, account.givenName ?? '', account.familyName ?? ''];
  const hash = await hashNewPassword(change.newPassword, personalWords, { field: 'newPassword', cost: deps.passwordCost });
  await deps.db.transaction().execute(async (trx) => {
    const passwordChangedAt = await credentials(trx).passwordChangedAt(actor.userId);
    await credentials(trx).setPasswordHash(actor.userId, hash, now);
    await sessions(trx).revokeAllForUser(actor.userId, 'password changed', now, sessionId);
    await audit(trx, deps.auditKey).record({
      ...base,
      action: 'account.password-changed',
      data: { before: { passwordChangedAt }, after: { passwordChangedAt: now }, otherSessionsRevoked: true },
    });
  });
};
