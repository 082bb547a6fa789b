import { beginSsoSignIn, findSignOnTrust, type SsoDeps } from './sso.ts';

export type SsoStart = { outcome: 'started'; authorizationUrl: string; pendingCookie: string } | { outcome: 'not-set-up' };

/**
 * Starts single sign-on for a work email address: the one trust whose enabled sign-on allows the
 * email's domain, then the provider's authorization address and the pending sign-in to keep.
 */
export const startSsoSignIn = async (deps: SsoDeps, input: { email: string; redirectUri: string }): Promise<SsoStart> => {
  const trustId = await findSignOnTrust(deps.db, input.email);
  if (!trustId) return { outcome: 'not-set-up' };
  const started = await beginSsoSignIn(deps, { trustId, redirectUri: input.redirectUri, loginHint: input.email });
  return { outcome: 'started', ...started };
};
