import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Config } from '../../contracts/config.ts';
import { AppError } from '../../contracts/errors.ts';
import { audit } from '../../store/audit.ts';
import { organisations } from '../../store/organisations.ts';
import type { AccountRole, Tables } from '../../store/tables.ts';
import { createInvitedAccount } from '../auth/invited-account.ts';

/** Who creates a tenant, on its audit chain: an operator at the command line, not a signed-in user. */
export const OPERATOR_ACTOR = 'operator:cli';

export type OperatorDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  config: Pick<Config, 'smtpUrl' | 'production' | 'publicUrl'>;
  demo: boolean;
  newId?: () => string;
};

/** What the operator typed, as the contract's value, or a `validation` error naming each field. */
export const readOperatorInput = <T>(schema: ZodType<T>, raw: unknown, refusal: string, where: string): T => {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'validation',
    refusal,
    parsed.error.issues.map((i) => ({ where: i.path.map(String).join('.') || where, reason: i.message })),
  );
};

export type FirstUser = { email: string; emailField: string; role: AccountRole; greeting: string };
export type InvitedFirstUser = { userId: string; email: string; invitationLink: string; expiresAt: Date };

/**
 * Inside the operator's transaction: an organisation that is its own tenant (its trust id is its own
 * id), audited on its own chain, and given an email, its first user invited with that role there.
 */
export const createTenantOrganisation = async (
  tx: Kysely<Tables>,
  deps: OperatorDeps,
  organisation: { kind: 'trust' | 'provider'; name: string; nation: string; ukprn?: string | null },
  firstUser: FirstUser | undefined,
): Promise<{ id: string; invited: InvitedFirstUser | null }> => {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.clock();
  const id = newId();
  const { kind, name, nation } = organisation;
  await organisations(tx).insert({
    id,
    trust_id: id,
    kind,
    name,
    phase: null,
    nation,
    urn: null,
    ...(organisation.ukprn === undefined ? {} : { ukprn: organisation.ukprn }),
    parent_id: null,
    created_at: now,
  });
  await audit(tx, deps.auditKey).record({
    trustId: id,
    actor: OPERATOR_ACTOR,
    action: 'organisation.created',
    entity: 'organisation',
    entityId: id,
    data: { after: kind === 'provider' ? { kind, name, ukprn: organisation.ukprn ?? null } : { kind, name, nation } },
    occurredAt: now,
  });
  if (!firstUser) return { id, invited: null };
  const invited = await createInvitedAccount(tx, deps, {
    trustId: id,
    email: firstUser.email,
    emailField: firstUser.emailField,
    personId: null,
    roles: [{ role: firstUser.role, organisationId: id, headteacher: false }],
    invitedBy: null,
    actor: OPERATOR_ACTOR,
    greeting: firstUser.greeting,
    newId,
  });
  return { id, invited: { ...invited, email: firstUser.email } };
};
