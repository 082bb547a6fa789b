import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import { AppError } from '../../contracts/errors.ts';
import { TrustInput } from '../../contracts/trusts.ts';
import { audit } from '../../store/audit.ts';
import { organisations } from '../../store/organisations.ts';
import type { Tables } from '../../store/tables.ts';
import { holdTransactionLock } from '../../store/transaction-locks.ts';
import { createInvitedAccount } from '../auth/invited-account.ts';
import { publicBaseUrl } from '../auth/password-reset.ts';

export type CreateTrustDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  config: Pick<Config, 'smtpUrl' | 'production' | 'publicUrl'>;
  demo: boolean;
  newId?: () => string;
};

export type CreatedTrust = {
  trustId: string;
  name: string;
  nation: string;
  /** The first trust admin, invited: the link sets their password (it is also in the outbox, and mailed when SMTP is set up). */
  admin: { userId: string; email: string; invitationLink: string; expiresAt: Date } | null;
};

const TRUST_CREATE_LOCK_KEY = 7_261_124;

/** Who created the trust, on its audit chain: an operator at the command line, not a signed-in user. */
export const OPERATOR_ACTOR = 'operator:cli';

/** Reads what the operator typed into a TrustInput, or refuses it with a `validation` error naming each field. */
export const readTrustInput = (raw: unknown): TrustInput => {
  const parsed = TrustInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'validation',
    'The trust could not be created',
    parsed.error.issues.map((i) => ({ where: i.path.map(String).join('.') || 'trust', reason: i.message })),
  );
};

/**
 * An operator creates a trust (`pathways trust create`): the trust organisation and, given an email,
 * its first trust admin's account with an invitation link, all in one transaction, audited on the new
 * trust's chain with the operator as actor. A second trust of the same name, or an email that already
 * has an account, is refused.
 */
export const createTrust = async (deps: CreateTrustDeps, input: TrustInput): Promise<CreatedTrust> => {
  const { name, nation, adminEmail } = input;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  // Before the transaction: production without a public address refuses here, having changed nothing.
  if (adminEmail) publicBaseUrl(deps.config);
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    // Two operators creating the same trust at once: the second waits, then sees the first.
    await holdTransactionLock(tx, TRUST_CREATE_LOCK_KEY);
    const sameName = await organisations(tx).findTrustNamed(name);
    if (sameName)
      throw new AppError('conflict', `There is already a trust named ${name}`, [
        { where: 'name', reason: `trust ${sameName.id} has this name: choose another` },
      ]);
    const trustId = newId();
    await organisations(tx).insert({
      id: trustId,
      trust_id: trustId,
      kind: 'trust',
      name,
      phase: null,
      nation,
      urn: null,
      parent_id: null,
      created_at: now,
    });
    await audit(tx, deps.auditKey).record({
      trustId,
      actor: OPERATOR_ACTOR,
      action: 'organisation.created',
      entity: 'organisation',
      entityId: trustId,
      data: { after: { kind: 'trust', name, nation } },
      occurredAt: now,
    });
    if (!adminEmail) return { trustId, name, nation, admin: null };
    const invited = await createInvitedAccount(tx, deps, {
      trustId,
      email: adminEmail,
      emailField: 'adminEmail',
      personId: null,
      roles: [{ role: 'trust_admin', organisationId: trustId, headteacher: false }],
      invitedBy: null,
      actor: OPERATOR_ACTOR,
      greeting: 'You have been invited to Pathways as the administrator of your trust.',
      newId,
    });
    return { trustId, name, nation, admin: { ...invited, email: adminEmail } };
  });
};
