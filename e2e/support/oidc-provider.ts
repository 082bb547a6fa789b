import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The little of oidc-provider's API these tests use (the package ships no types). */
type Grant = { addOIDCScope(scope: string): void; addOIDCClaims(claims: string[]): void; save(): Promise<string> };
type ProviderContext = {
  oidc: {
    session?: { accountId?: string };
    client?: { clientId: string };
    provider: { Grant: new (init: { clientId: string; accountId: string }) => Grant };
  };
};
type ProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): (request: IncomingMessage, response: ServerResponse) => void };

const providerModule = 'oidc-provider';

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

/**
 * A real OpenID Provider (`oidc-provider`) on a loopback port, with its own development login page:
 * any login name signs in. The login is the email; `unverified:name@domain` signs in with that email
 * and `email_verified: false`. The client must use PKCE.
 */
export const startTestOidcProvider = async (options: { redirectUri: string }): Promise<TestProvider> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'pathways-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-for-hs256';
  const { default: Provider } = (await import(providerModule)) as { default: ProviderConstructor };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Put the email claims in the ID token too (as Entra and Google do).
    conformIdTokenClaims: false,
    cookies: { keys: ['pathways-e2e-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: ProviderContext, id: string) => {
      const unverified = id.startsWith('unverified:');
      const email = unverified ? id.slice('unverified:'.length) : id;
      return { accountId: id, claims: async () => ({ sub: id, email, email_verified: !unverified }) };
    },
    // First-party client: no consent screen; the grant covers what was asked.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified']);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
