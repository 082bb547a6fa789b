import { AppError } from '../../contracts/errors.ts';
import { TrustInput } from '../../contracts/trusts.ts';
import { organisations } from '../../store/organisations.ts';
import { holdTransactionLock } from '../../store/transaction-locks.ts';
import { publicBaseUrl } from '../auth/password-reset.ts';
import { createTenantOrganisation, type InvitedFirstUser, type OperatorDeps, readOperatorInput } from './tenant-organisation.ts';

export { OPERATOR_ACTOR } from './tenant-organisation.ts';

export type CreateTrustDeps = OperatorDeps;

export type CreatedTrust = {
  trustId: string;
  name: string;
  nation: string;
  /** The first trust admin, invited: the link sets their password (it is also in the outbox, and mailed when SMTP is set up). */
  admin: InvitedFirstUser | null;
};

const TRUST_CREATE_LOCK_KEY = 7_261_124;

/** Reads what the operator typed into a TrustInput, or refuses it with a `validation` error naming each field. */
export const readTrustInput = (raw: unknown): TrustInput => readOperatorInput(TrustInput, raw, 'The trust could not be created', 'trust');

/**
 * An operator creates a trust (`pathways trust create`): the trust organisation and, given an email,
 * its first trust admin's account with an invitation link, all in one transaction, audited on the new
 * trust's chain with the operator as actor. A second trust of the same name, or an email that already
 * has an account, is refused.
 */
export const createTrust = async (deps: CreateTrustDeps, input: TrustInput): Promise<CreatedTrust> => {
  const { name, nation, adminEmail } = input;
  // Before the transaction: production without a public address refuses here, having changed nothing.
  if (adminEmail) publicBaseUrl(deps.config);
  return deps.db.transaction().execute(async (tx) => {
    // Two operators creating the same trust at once: the second waits, then sees the first.
    await holdTransactionLock(tx, TRUST_CREATE_LOCK_KEY);
    const sameName = await organisations(tx).findTrustNamed(name);
    if (sameName)
      throw new AppError('conflict', `There is already a trust named ${name}`, [
        { where: 'name', reason: `trust ${sameName.id} has this name: choose another` },
      ]);
    const created = await createTenantOrganisation(
      tx,
      deps,
      { kind: 'trust', name, nation },
      adminEmail
        ? {
            email: adminEmail,
            emailField: 'adminEmail',
            role: 'trust_admin',
            greeting: 'You have been invited to Pathways as the administrator of your trust.',
          }
        : undefined,
    );
    return { trustId: created.id, name, nation, admin: created.invited };
  });
};
