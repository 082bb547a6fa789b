import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import { decideOidcLink, type OidcClaims, oidcIdentity } from '../../domain/accounts/oidc-link.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { invitations } from '../../store/invitations.ts';
import { oidc, type SignOnConfigRecord } from '../../store/oidc.ts';
import { organisations } from '../../store/organisations.ts';
import type { Tables } from '../../store/tables.ts';
import { authorize } from '../authorize.ts';
import { decryptSecret, encryptSecret, type Keys } from '../secrets.ts';
import { startSession } from './sessions.ts';
import { admitAttempt, attemptSucceeded } from './sign-in-throttle.ts';

export type SsoDeps = {
  db: Kysely<Tables>;
  keys: Keys;
  clock: () => Date;
  /** Plain-HTTP identity providers are allowed only outside production (local and test providers). */
  production: boolean;
  requestId?: string | null;
};

/** How long a sign-in may take at the provider before the pending state is forgotten. */
export const ssoPendingMinutes = 10;

/** What a trust admin enters on the sign-on page. An empty secret keeps the stored one. */
export const SignOnConfigInput = z.object({
  issuer: z.url({ protocol: /^https?$/, error: 'Enter the issuer URL of your identity provider' }).max(500),
  clientId: z.string().trim().min(1, 'Enter the client ID').max(300),
  clientSecret: z.string().max(1000).default(''),
  allowedEmailDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Enter email domains like oakprimary.sch.uk'),
    )
    .min(1, 'Enter at least one email domain')
    .max(50),
  ownTenants: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  enabled: z.boolean(),
});
export type SignOnConfigInput = z.infer<typeof SignOnConfigInput>;

export type SignOnConfigView = Omit<SignOnConfigRecord, 'clientSecretEncrypted'> & { hasSecret: boolean };

const trustOf = async (db: Kysely<Tables>, organisationId: string) => {
  const org = await organisations(db).find(organisationId);
  if (!org) throw new AppError('not_found', 'Organisation not found');
  return org;
};

/** The trust's sign-on configuration, without its secret, for the admin page. */
export const readSignOnConfig = async (deps: SsoDeps, actor: Actor, organisationId: string) => {
  const org = await trustOf(deps.db, organisationId);
  await authorize({ db: deps.db, auditKey: deps.keys.auditKey, requestId: deps.requestId ?? null }, actor, 'organisation.manageSignOn', {
    type: 'organisation',
    trustId: org.trustId,
    organisationId: org.id,
  });
  if (org.kind !== 'trust')
    throw new AppError('not_found', 'Single sign-on is set up for the whole trust', [
      { where: 'organisation', reason: 'open the trust, not a school' },
    ]);
  const config = await oidc(deps.db).findConfig(org.trustId);
  if (!config) return { organisation: org, config: undefined };
  const { clientSecretEncrypted, ...rest } = config;
  return { organisation: org, config: { ...rest, hasSecret: clientSecretEncrypted.length > 0 } satisfies SignOnConfigView };
};

/** Saves the trust's sign-on configuration; the client secret is encrypted with a key held outside the database. */
export const saveSignOnConfig = async (deps: SsoDeps, actor: Actor, organisationId: string, input: SignOnConfigInput): Promise<void> => {
  const { organisation: org, config: before } = await readSignOnConfig(deps, actor, organisationId);
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const stored = await oidc(tx).findConfig(org.trustId);
    const secret = input.clientSecret.trim();
    if (!secret && !stored)
      throw new AppError('validation', 'Enter the client secret', [{ where: 'clientSecret', reason: 'enter the client secret' }]);
    const clientSecretEncrypted = secret ? encryptSecret(deps.keys, secret) : (stored?.clientSecretEncrypted ?? '');
    const after = {
      issuer: input.issuer,
      clientId: input.clientId,
      allowedEmailDomains: [...new Set(input.allowedEmailDomains)],
      ownTenants: [...new Set(input.ownTenants)],
      enabled: input.enabled,
    };
    await oidc(tx).saveConfig({ trustId: org.trustId, clientSecretEncrypted, ...after }, now);
    const previous = before
      ? {
          issuer: before.issuer,
          clientId: before.clientId,
          allowedEmailDomains: before.allowedEmailDomains,
          ownTenants: before.ownTenants,
          enabled: before.enabled,
        }
      : null;
    await audit(tx, deps.keys.auditKey).record({
      trustId: org.trustId,
      actor: actor.userId,
      action: 'sign_on.configured',
      entity: 'organisation',
      entityId: org.id,
      data: { before: previous, after, clientSecretChanged: secret.length > 0 },
      requestId: deps.requestId ?? null,
    });
  });
};

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The trust whose single sign-on allows this email's domain, if exactly one does. */
export const findSignOnTrust = async (db: Kysely<Tables>, email: string): Promise<string | undefined> => {
  if (!email.includes('@')) return undefined;
  const configs = await oidc(db).findEnabledByDomain(domainOf(email.trim()));
  return configs.length === 1 ? configs[0]?.trustId : undefined;
};

const discover = async (deps: SsoDeps, config: SignOnConfigRecord) => {
  const secret = decryptSecret(deps.keys, config.clientSecretEncrypted);
  const options = deps.production ? {} : { execute: [client.allowInsecureRequests] };
  return client.discovery(new URL(config.issuer), config.clientId, secret, undefined, options);
};

const Pending = z.object({
  trustId: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  expiresAt: z.number(),
  redirectUri: z.string(),
});
type Pending = z.infer<typeof Pending>;

/**
 * Starts a sign-in at the trust's identity provider: authorization code flow with PKCE, a fresh state
 * and nonce. Returns the provider URL and the pending state, sealed (AES-GCM) for a short-lived cookie.
 */
export const beginSsoSignIn = async (
  deps: SsoDeps,
  input: { trustId: string; redirectUri: string; loginHint?: string },
): Promise<{ authorizationUrl: string; pendingCookie: string }> => {
  const config = await oidc(deps.db).findConfig(input.trustId);
  if (!config?.enabled) throw new AppError('not_found', 'Single sign-on is not set up for this trust');
  const provider = await discover(deps, config);
  const pending: Pending = {
    trustId: config.trustId,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    expiresAt: deps.clock().getTime() + ssoPendingMinutes * 60_000,
    redirectUri: input.redirectUri,
  };
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
  });
  return { authorizationUrl: url.href, pendingCookie: encryptSecret(deps.keys, JSON.stringify(pending)) };
};

export type SsoRefusal = 'no-email' | 'wrong-domain' | 'unverified-email' | 'no-invitation' | 'disabled' | 'state' | 'provider';

export type SsoOutcome =
  | { outcome: 'signed-in'; token: string; userId: string; trustId: string; linked: boolean }
  | { outcome: 'refused'; reason: SsoRefusal }
  | { outcome: 'throttled'; retryAfterSeconds: number };

const openPending = (deps: SsoDeps, sealed: string | undefined): Pending | undefined => {
  if (!sealed) return undefined;
  try {
    const pending = Pending.parse(JSON.parse(decryptSecret(deps.keys, sealed)));
    return pending.expiresAt > deps.clock().getTime() ? pending : undefined;
  } catch {
    return undefined;
  }
};

/** An error's message and its causes' (openid-client wraps the specific reason, e.g. a state mismatch, as the cause). */
const messagesOf = (error: unknown): string => {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    parts.push(e instanceof Error ? e.message : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(': ');
};

const stringClaim = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * Finishes a sign-in: openid-client checks the state, PKCE, nonce and the ID token; the claims decide
 * (decideOidcLink) whether a known identity signs in, a first sign-in links to the invited account, or
 * the sign-in is refused. Every outcome is audited. Callbacks are throttled per client address like
 * password sign-in (each refusal counts as a failure), before anything is asked of the provider.
 */
export const completeSsoSignIn = async (
  deps: SsoDeps,
  input: { pendingCookie: string | undefined; callbackUrl: URL; clientAddress: string | null; userAgent: string | null },
): Promise<SsoOutcome> => {
  const pending = openPending(deps, input.pendingCookie);
  const attempt = {
    method: 'single-sign-on',
    clientAddress: input.clientAddress ?? 'unknown',
    trustId: pending?.trustId ?? null,
    userId: null,
  } as const;
  const admitted = await admitAttempt(
    { db: deps.db, auditKey: deps.keys.auditKey, requestId: deps.requestId ?? null },
    attempt,
    deps.clock(),
  );
  if (!admitted.admitted) return { outcome: 'throttled', retryAfterSeconds: admitted.retryAfterSeconds };
  const refuse = async (reason: SsoRefusal, trustId: string | null, data: Record<string, unknown> = {}): Promise<SsoOutcome> => {
    await audit(deps.db, deps.keys.auditKey).record({
      trustId,
      actor: 'anonymous',
      action: 'sign_in.sso_refused',
      entity: 'sign_on',
      entityId: trustId ?? 'unknown',
      data: { reason, ...data },
      requestId: deps.requestId ?? null,
    });
    return { outcome: 'refused', reason };
  };
  if (!pending) return refuse('state', null, { detail: 'no pending sign-in, or it expired' });
  const config = await oidc(deps.db).findConfig(pending.trustId);
  if (!config?.enabled) return refuse('provider', pending.trustId, { detail: 'single sign-on is not enabled' });

  let claims: OidcClaims;
  try {
    const provider = await discover(deps, config);
    const callback = new URL(input.callbackUrl.href);
    const tokens = await client.authorizationCodeGrant(provider, callback, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    let email = stringClaim(idClaims.email);
    let verified = idClaims.email_verified;
    if (email === undefined && tokens.access_token) {
      const info = await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
      email = stringClaim(info.email);
      verified = info.email_verified;
    }
    const tenant = stringClaim(idClaims.tid);
    claims = {
      issuer: idClaims.iss,
      // Microsoft Entra: the object id is the stable subject within the tenant.
      subject: (tenant && stringClaim(idClaims.oid)) || idClaims.sub,
      ...(tenant ? { tenant } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(typeof verified === 'boolean' ? { emailVerified: verified } : {}),
    };
  } catch (error) {
    const message = messagesOf(error);
    const stateProblem = /"state"/.test(message);
    return refuse(stateProblem ? 'state' : 'provider', pending.trustId, { detail: message.slice(0, 300) });
  }

  const store = oidc(deps.db);
  const identity = oidcIdentity(claims);
  const linked = await store.findLinkedAccount(identity);
  // An identity already linked in another trust cannot be linked again here.
  if (linked && linked.trustId !== pending.trustId)
    return refuse('no-invitation', pending.trustId, { identity, detail: 'linked in another trust' });
  const linkedHere = linked ? { id: linked.id, disabled: linked.disabled } : null;
  const invited = !linkedHere && claims.email ? ((await store.findUnlinkedAccountByEmail(pending.trustId, claims.email)) ?? null) : null;
  const decision = decideOidcLink(
    claims,
    { allowedEmailDomains: config.allowedEmailDomains, ownTenants: config.ownTenants },
    linkedHere,
    invited,
  );
  if (decision.outcome === 'refuse') return refuse(decision.reason, pending.trustId, { identity, email: claims.email ?? null });

  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    if (decision.outcome === 'link') {
      await oidc(tx).linkIdentity({ identity: decision.identity, trustId: pending.trustId, userId: decision.accountId, now });
      await invitations(tx).acceptAllForUser(decision.accountId, now);
    }
    const { token, sessionId } = await startSession(
      tx,
      // The identity provider's own MFA stands for ours.
      {
        userId: decision.accountId,
        trustId: pending.trustId,
        mfaVerified: true,
        clientAddress: input.clientAddress,
        userAgent: input.userAgent,
      },
      now,
    );
    await attemptSucceeded(tx, admitted.attemptId);
    const log = audit(tx, deps.keys.auditKey);
    if (decision.outcome === 'link')
      await log.record({
        trustId: pending.trustId,
        actor: decision.accountId,
        action: 'sign_on.identity_linked',
        entity: 'account',
        entityId: decision.accountId,
        data: { before: null, after: { identity: decision.identity } },
        requestId: deps.requestId ?? null,
      });
    // This event is the record that single sign-on started the session (the sessions table has no column for it).
    await log.record({
      trustId: pending.trustId,
      actor: decision.accountId,
      action: 'sign_in.sso',
      entity: 'account',
      entityId: decision.accountId,
      data: { identity, sessionId },
      requestId: deps.requestId ?? null,
    });
    return { outcome: 'signed-in', token, userId: decision.accountId, trustId: pending.trustId, linked: decision.outcome === 'link' };
  });
};
