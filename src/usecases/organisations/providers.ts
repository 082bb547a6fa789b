import { AppError } from '../../contracts/errors.ts';
import { ProviderInput } from '../../contracts/providers.ts';
import { providers } from '../../store/providers.ts';
import { holdTransactionLock } from '../../store/transaction-locks.ts';
import { publicBaseUrl } from '../auth/password-reset.ts';
import { createTenantOrganisation, type InvitedFirstUser, type OperatorDeps, readOperatorInput } from './tenant-organisation.ts';

export type CreateProviderDeps = OperatorDeps;

export type CreatedProvider = {
  providerId: string;
  name: string;
  ukprn: string | null;
  /** The first assessor, invited: the link sets their password (it is also in the outbox, and mailed when SMTP is set up). */
  assessor: InvitedFirstUser | null;
};

// Trusts take 7_261_124; providers their own key, so the two kinds of set-up do not wait for each other.
const PROVIDER_CREATE_LOCK_KEY = 7_261_125;

/** Reads what the operator typed into a ProviderInput, or refuses it with a `validation` error naming each field. */
export const readProviderInput = (raw: unknown): ProviderInput =>
  readOperatorInput(ProviderInput, raw, 'The training provider could not be created', 'provider');

/**
 * An operator sets up a training provider (`pathways provider create`): an organisation of kind
 * `provider` that is its own tenant (its trust id is its own id, as enrolments and the assessor scope
 * expect), with its UKPRN where given and, given an email, its first assessor's account (the
 * `assessor` role at the provider) with an invitation link. All in one transaction, audited on the
 * provider's own chain with the operator as actor. A second provider of the same name or UKPRN, or
 * an email that already has an account, is refused and nothing is created. Once created, the
 * provider is offered on every employer's enrolment form, and its assessor's caseload fills as
 * employers enrol apprentices with it.
 */
export const createProvider = async (deps: CreateProviderDeps, input: ProviderInput): Promise<CreatedProvider> => {
  const { name, assessorEmail } = input;
  const ukprn = input.ukprn ?? null;
  // Before the transaction: production without a public address refuses here, having changed nothing.
  if (assessorEmail) publicBaseUrl(deps.config);
  return deps.db.transaction().execute(async (tx) => {
    // Two operators setting up the same provider at once: the second waits, then sees the first.
    await holdTransactionLock(tx, PROVIDER_CREATE_LOCK_KEY);
    const sameName = await providers(tx).findNamed(name);
    if (sameName)
      throw new AppError('conflict', `There is already a training provider named ${name}`, [
        { where: 'name', reason: `provider ${sameName.id} has this name: choose another` },
      ]);
    const sameNumber = ukprn === null ? undefined : await providers(tx).findByUkprn(ukprn);
    if (sameNumber)
      throw new AppError('conflict', `The UKPRN ${ukprn} is already held by ${sameNumber.name}`, [
        { where: 'ukprn', reason: `${sameNumber.name} (${sameNumber.id}) has this UKPRN: a UKPRN names one provider` },
      ]);
    const created = await createTenantOrganisation(
      tx,
      deps,
      { kind: 'provider', name, nation: 'England', ukprn },
      assessorEmail
        ? {
            email: assessorEmail,
            emailField: 'assessorEmail',
            role: 'assessor',
            greeting: `You have been invited to Pathways as an assessor of ${name}: you will see the apprentices enrolled with ${name} by their employers.`,
          }
        : undefined,
    );
    return { providerId: created.id, name, ukprn, assessor: created.invited };
  });
};
