import { describe, expect, it } from 'vitest';
import { decideOidcLink, type OidcClaims, oidcIdentity, type SignOnPolicy } from './oidc-link.ts';

const policy: SignOnPolicy = { allowedEmailDomains: ['riverside.sch.uk'], ownTenants: ['tenant-riverside'] };
const claims = (extra: Partial<OidcClaims> = {}): OidcClaims => ({
  issuer: 'https://login.example',
  subject: 'abc',
  email: 'sian@riverside.sch.uk',
  emailVerified: true,
  ...extra,
});
const invited = { id: 'acc-1', disabled: false };

describe('decideOidcLink', () => {
  it('signs in a known identity', () => {
    expect(decideOidcLink(claims(), policy, invited, null)).toEqual({ outcome: 'sign-in', accountId: 'acc-1' });
  });

  it('links a first sign-in to the invited account when the email is verified and in an allowed domain', () => {
    expect(decideOidcLink(claims(), policy, null, invited)).toEqual({
      outcome: 'link',
      accountId: 'acc-1',
      identity: 'https://login.example#abc',
    });
  });

  it('refuses an email outside the trust’s domains', () => {
    expect(decideOidcLink(claims({ email: 'sian@gmail.com' }), policy, null, invited)).toEqual({
      outcome: 'refuse',
      reason: 'wrong-domain',
    });
  });

  it('refuses an unverified email unless the identity comes from the trust’s own tenant', () => {
    expect(decideOidcLink(claims({ emailVerified: false }), policy, null, invited)).toEqual({
      outcome: 'refuse',
      reason: 'unverified-email',
    });
    expect(decideOidcLink(claims({ emailVerified: undefined, tenant: 'tenant-riverside' }), policy, null, invited).outcome).toBe('link');
  });

  it('refuses when nobody was invited with that email, and for a disabled account', () => {
    expect(decideOidcLink(claims(), policy, null, null)).toEqual({ outcome: 'refuse', reason: 'no-invitation' });
    expect(decideOidcLink(claims(), policy, { id: 'acc-1', disabled: true }, null)).toEqual({ outcome: 'refuse', reason: 'disabled' });
  });

  it('identifies Entra users by tenant and object id, not by email', () => {
    expect(oidcIdentity({ issuer: 'https://login.microsoftonline.com/t1/v2.0', subject: 'oid-1', tenant: 't1', email: 'x@y.z' })).toBe(
      'https://login.microsoftonline.com/t1/v2.0#t1/oid-1',
    );
  });
});
