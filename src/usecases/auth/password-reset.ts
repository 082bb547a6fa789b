import { randomBytes } from 'node:crypto';
import { type Config, requirePublicUrlInProduction } from '../../contracts/config.ts';
import { AppError } from '../../contracts/errors.ts';
import { accounts } from '../../store/accounts.ts';
import { audit } from '../../store/audit.ts';
import { credentials } from '../../store/credentials.ts';
import { passwordResets } from '../../store/password-resets.ts';
import { sessions } from '../../store/sessions.ts';
import { sendMail } from '../mail/send-mail.ts';
import type { AccountMailDeps } from './account-mail-deps.ts';
import { hashNewPassword } from './passwords.ts';
import { hashToken } from './sessions.ts';

/** A reset link works for an hour, once; at most three are sent to one account per hour. */
export const passwordResetRules = { lifetimeMinutes: 60, perAccountPerHour: 3 } as const;

export type PasswordResetDeps = AccountMailDeps;

/**
 * The public address links in emails and single sign-on redirects point to: the configured one
 * (a running demo gets its listening address), never the Host header of a request.
 */
export const publicBaseUrl = (config: Pick<Config, 'publicUrl' | 'production'>): string => {
  requirePublicUrlInProduction(config);
  return (config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
};

/**
 * Sends a reset link to the account with this email, if there is one and it is not disabled or
 * throttled. The caller shows the same answer whatever happened, so nobody learns who has an account.
 */
export const requestPasswordReset = async (deps: PasswordResetDeps, input: { email: string }): Promise<void> => {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const account = await accounts(tx).findByEmail(input.email.trim());
    if (!account || account.disabled_at || account.is_demo) return;
    const resets = passwordResets(tx);
    const recent = await resets.countSince(account.id, new Date(now.getTime() - 3_600_000));
    const log = audit(tx, deps.auditKey);
    if (recent >= passwordResetRules.perAccountPerHour) {
      await log.record({
        trustId: account.trust_id,
        actor: 'anonymous',
        action: 'password_reset.throttled',
        entity: 'account',
        entityId: account.id,
        data: { recent },
        requestId: deps.requestId ?? null,
      });
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const id = crypto.randomUUID();
    const expiresAt = new Date(now.getTime() + passwordResetRules.lifetimeMinutes * 60_000);
    await resets.insert({ id, trustId: account.trust_id, userId: account.id, tokenHash: hashToken(token), expiresAt, now });
    const link = `${publicBaseUrl(deps.config)}/password-reset/${token}`;
    await sendMail(
      { db: tx, config: deps.config, demo: deps.demo, clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) },
      {
        trustId: account.trust_id,
        to: account.email,
        subject: 'Reset your Pathways password',
        text: [
          'Someone (we hope you) asked to reset the password of your Pathways account.',
          '',
          `Choose a new password here within ${passwordResetRules.lifetimeMinutes} minutes:`,
          link,
          '',
          'If you did not ask for this, ignore this email: your password has not changed.',
        ].join('\n'),
      },
    );
    await log.record({
      trustId: account.trust_id,
      actor: 'anonymous',
      action: 'password_reset.requested',
      entity: 'account',
      entityId: account.id,
      data: { resetId: id, expiresAt: expiresAt.toISOString() },
      requestId: deps.requestId ?? null,
    });
  });
};

const invalidLink = () =>
  new AppError('not_found', 'This password reset link is not valid', [
    { where: 'token', reason: 'the link has expired or has already been used: ask for a new one' },
  ]);

/** Whether a reset link can still be used (for showing the form). */
export const checkPasswordResetToken = async (deps: Pick<PasswordResetDeps, 'db' | 'clock'>, token: string): Promise<boolean> => {
  const reset = await passwordResets(deps.db).findByTokenHashForUpdate(hashToken(token));
  return reset !== undefined && reset.usedAt === null && reset.expiresAt > deps.clock();
};

/**
 * Sets a new password from a reset link: the link must be unused and unexpired; the password must pass
 * the policy. Every session of the account is revoked and every other reset link stops working.
 */
export const resetPassword = async (deps: PasswordResetDeps, input: { token: string; password: string }): Promise<{ userId: string }> => {
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    const reset = await passwordResets(tx).findByTokenHashForUpdate(hashToken(input.token));
    if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
    const account = await credentials(tx).findById(reset.userId);
    if (!account || account.disabledAt) throw invalidLink();
    const passwordHash = await hashNewPassword(input.password, [account.email], { field: 'password', cost: deps.passwordCost });
    await credentials(tx).setPasswordHash(account.userId, passwordHash, now);
    await passwordResets(tx).markUsed(reset.id, now);
    await passwordResets(tx).expireOthers(account.userId, now);
    await sessions(tx).revokeAllForUser(account.userId, 'password reset', now);
    await audit(tx, deps.auditKey).record({
      trustId: reset.trustId,
      actor: account.userId,
      action: 'password_reset.completed',
      entity: 'account',
      entityId: account.userId,
      data: { changed: ['password'], after: { passwordChangedAt: now.toISOString() }, resetId: reset.id, sessionsRevoked: true },
      requestId: deps.requestId ?? null,
    });
    return { userId: account.userId };
  });
};
