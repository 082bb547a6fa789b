/** A trust's single-sign-on configuration, as far as linking identities is concerned. */
export type SignOnPolicy = {
  allowedEmailDomains: readonly string[];
  /** Identity-provider tenants the trust has marked as its own (e.g. its Microsoft Entra tenant id). */
  ownTenants: readonly string[];
};

/** What the provider asserted about the person signing in (from the validated ID token). */
export type OidcClaims = { issuer: string; subject: string; tenant?: string; email?: string; emailVerified?: boolean };

export type OidcLinkDecision =
  | { outcome: 'sign-in'; accountId: string }
  | { outcome: 'link'; accountId: string; identity: string }
  | { outcome: 'refuse'; reason: 'no-email' | 'wrong-domain' | 'unverified-email' | 'no-invitation' | 'disabled' };

/**
 * The stable identity of a person at a provider: issuer plus subject — for Microsoft Entra the tenant
 * and object ids — never the email alone, which can be reassigned.
 */
export const oidcIdentity = (claims: OidcClaims): string => `${claims.issuer}#${claims.tenant ? `${claims.tenant}/` : ''}${claims.subject}`;

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Decides what a successful provider sign-in means. A known identity signs in. A first sign-in links
 * to an invited account only when the email matches an allowed domain and the provider asserts it
 * verified, or the identity comes from a tenant the trust has marked as its own.
 */
export const decideOidcLink = (
  claims: OidcClaims,
  policy: SignOnPolicy,
  linkedAccount: { id: string; disabled: boolean } | null,
  invitedAccount: { id: string; disabled: boolean } | null,
): OidcLinkDecision => {
  if (linkedAccount)
    return linkedAccount.disabled ? { outcome: 'refuse', reason: 'disabled' } : { outcome: 'sign-in', accountId: linkedAccount.id };
  if (!claims.email) return { outcome: 'refuse', reason: 'no-email' };
  if (!policy.allowedEmailDomains.map((d) => d.toLowerCase()).includes(domainOf(claims.email)))
    return { outcome: 'refuse', reason: 'wrong-domain' };
  const trustedTenant = claims.tenant !== undefined && policy.ownTenants.includes(claims.tenant);
  if (claims.emailVerified !== true && !trustedTenant) return { outcome: 'refuse', reason: 'unverified-email' };
  if (!invitedAccount) return { outcome: 'refuse', reason: 'no-invitation' };
  if (invitedAccount.disabled) return { outcome: 'refuse', reason: 'disabled' };
  return { outcome: 'link', accountId: invitedAccount.id, identity: oidcIdentity(claims) };
};
