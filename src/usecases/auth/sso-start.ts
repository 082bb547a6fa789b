import { throttleNow } from './sign-in-throttle.ts';
import { beginSsoSignIn, findSignOnTrust, type SsoDeps } from './sso.ts';

export type SsoStart =
  | { outcome: 'started'; authorizationUrl: string; pendingCookie: string }
  | { outcome: 'not-set-up' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * Starts single sign-on for a work email address: the one trust whose enabled sign-on allows the
 * email's domain, then the provider's authorization address and the pending sign-in to keep. An
 * address whose sign-ins are being throttled is told to wait before anything is asked of the provider.
 */
export const startSsoSignIn = async (
  deps: SsoDeps,
  input: { email: string; redirectUri: string; clientAddress: string },
): Promise<SsoStart> => {
  const throttle = await throttleNow(
    deps.db,
    { method: 'single-sign-on', clientAddress: input.clientAddress, trustId: null, userId: null },
    deps.clock(),
  );
  if (!throttle.allowed) return { outcome: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  const trustId = await findSignOnTrust(deps.db, input.email);
  if (!trustId) return { outcome: 'not-set-up' };
  const started = await beginSsoSignIn(deps, { trustId, redirectUri: input.redirectUri, loginHint: input.email });
  return { outcome: 'started', ...started };
};
