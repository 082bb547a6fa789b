import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type SignOnConfigRecord = {
  trustId: string;
  issuer: string;
  clientId: string;
  clientSecretEncrypted: string;
  allowedEmailDomains: string[];
  ownTenants: string[];
  enabled: boolean;
  updatedAt: Date;
};

type ConfigRow = {
  trust_id: string;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  allowed_email_domains: string[];
  own_tenants: string[];
  enabled: boolean;
  updated_at: Date;
};

const toRecord = (row: ConfigRow): SignOnConfigRecord => ({
  trustId: row.trust_id,
  issuer: row.issuer,
  clientId: row.client_id,
  clientSecretEncrypted: row.client_secret_encrypted,
  allowedEmailDomains: row.allowed_email_domains,
  ownTenants: row.own_tenants,
  enabled: row.enabled,
  updatedAt: row.updated_at,
});

/** Single-sign-on configuration per trust, and identities linked to accounts (issuer + subject). */
export const oidc = (db: Kysely<Tables>) => ({
  findConfig: async (trustId: string): Promise<SignOnConfigRecord | undefined> => {
    const row = await db.selectFrom('oidc_configs').selectAll().where('trust_id', '=', trustId).executeTakeFirst();
    return row && toRecord(row);
  },

  /** Enabled configurations that allow this email domain (normally one). */
  findEnabledByDomain: async (domain: string): Promise<SignOnConfigRecord[]> => {
    const rows = await db
      .selectFrom('oidc_configs')
      .selectAll()
      .where('enabled', '=', true)
      .where((eb) => eb(eb.val(domain.toLowerCase()), '=', eb.fn.any('allowed_email_domains')))
      .execute();
    return rows.map(toRecord);
  },

  saveConfig: async (config: Omit<SignOnConfigRecord, 'updatedAt'>, now: Date) => {
    const values = {
      issuer: config.issuer,
      client_id: config.clientId,
      client_secret_encrypted: config.clientSecretEncrypted,
      allowed_email_domains: config.allowedEmailDomains,
      own_tenants: config.ownTenants,
      enabled: config.enabled,
      updated_at: now,
    };
    await db
      .insertInto('oidc_configs')
      .values({ trust_id: config.trustId, ...values })
      .onConflict((oc) => oc.column('trust_id').doUpdateSet(values))
      .execute();
  },

  findLinkedAccount: async (identity: string): Promise<{ id: string; trustId: string; disabled: boolean } | undefined> => {
    const row = await db
      .selectFrom('oidc_identities')
      .innerJoin('user_accounts', 'user_accounts.id', 'oidc_identities.user_id')
      .select(['user_accounts.id', 'user_accounts.trust_id', 'user_accounts.disabled_at'])
      .where('oidc_identities.identity', '=', identity)
      .executeTakeFirst();
    return row && { id: row.id, trustId: row.trust_id, disabled: row.disabled_at !== null };
  },

  /** An account of this trust with this email that has no identity linked yet. */
  findUnlinkedAccountByEmail: async (trustId: string, email: string): Promise<{ id: string; disabled: boolean } | undefined> => {
    const row = await db
      .selectFrom('user_accounts')
      .select(['user_accounts.id', 'user_accounts.disabled_at'])
      .where('user_accounts.trust_id', '=', trustId)
      .where('user_accounts.email', '=', email.toLowerCase())
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('oidc_identities').select('identity').whereRef('oidc_identities.user_id', '=', 'user_accounts.id'))),
      )
      .executeTakeFirst();
    return row && { id: row.id, disabled: row.disabled_at !== null };
  },

  linkIdentity: async (link: { identity: string; trustId: string; userId: string; now: Date }) => {
    await db
      .insertInto('oidc_identities')
      .values({ identity: link.identity, trust_id: link.trustId, user_id: link.userId, linked_at: link.now })
      .execute();
  },
});
