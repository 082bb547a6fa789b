import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/policy/actor.ts';
import { actors } from '../../store/actors.ts';
import { type SessionRecord, sessions } from '../../store/sessions.ts';
import type { Tables } from '../../store/tables.ts';

/** How long a session lives: ended after this much inactivity, and after this long whatever happens. */
export const sessionLifetime = { idleMinutes: 30, absoluteHours: 12, touchEverySeconds: 60 } as const;

/** Tokens are stored only as their SHA-256, so a database reader cannot use a session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type NewSession = { userId: string; trustId: string; mfaVerified: boolean; clientAddress: string | null; userAgent: string | null };

/** Starts a session and returns the opaque token for the cookie (256 random bits). */
export const startSession = async (db: Kysely<Tables>, session: NewSession, now: Date): Promise<{ token: string; sessionId: string }> => {
  const token = randomBytes(32).toString('base64url');
  const sessionId = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + sessionLifetime.absoluteHours * 3_600_000);
  await sessions(db).insert({ ...session, id: sessionId, tokenHash: hashToken(token), expiresAt, now });
  return { token, sessionId };
};

export type ResolvedSession = { session: SessionRecord; actor: Actor };

export type SessionEnd = 'revoked' | 'expired' | 'idle' | 'disabled';

/** Why a session can no longer be used, if it cannot. */
export const sessionEnd = (session: SessionRecord, now: Date): SessionEnd | null => {
  if (session.revokedAt) return 'revoked';
  if (session.accountDisabledAt) return 'disabled';
  if (now >= session.expiresAt) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() > sessionLifetime.idleMinutes * 60_000) return 'idle';
  return null;
};

/** The session and actor behind a cookie's token, or undefined when it is unknown, ended or its account disabled. */
export const resolveSession = async (db: Kysely<Tables>, token: string, now: Date): Promise<ResolvedSession | undefined> => {
  const store = sessions(db);
  const session = await store.findByTokenHash(hashToken(token));
  if (!session || sessionEnd(session, now)) return undefined;
  const actor = await actors(db).load(session.userId);
  if (!actor) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionLifetime.touchEverySeconds * 1000) await store.touch(session.id, now);
  return { session, actor };
};

/** Ends the session behind a token (sign-out). */
export const endSession = async (db: Kysely<Tables>, token: string, now: Date): Promise<void> => {
  const session = await sessions(db).findByTokenHash(hashToken(token));
  if (session) await sessions(db).revoke(session.id, 'signed out', now);
};
