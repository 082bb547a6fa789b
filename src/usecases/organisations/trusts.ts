import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import { AppError } from '../../contracts/errors.ts';
import { TrustInput } from '../../contracts/trusts.ts';
import { type AuditEvent, audit } from '../../store/audit.ts';
import { invitations } from '../../store/invitations.ts';
import { organisations } from '../../store/organisations.ts';
import type { Tables } from '../../store/tables.ts';
import { invitationRules } from '../auth/invitations.ts';
import { publicBaseUrl } from '../auth/password-reset.ts';
import { hashToken } from '../auth/sessions.ts';
import { sendMail } from '../mail/send-mail.ts';

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
  const baseUrl = adminEmail ? publicBaseUrl(deps.config) : '';
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    // Two operators creating the same trust at once: the second waits, then sees the first.
    await sql`SELECT pg_advisory_xact_lock(${TRUST_CREATE_LOCK_KEY})`.execute(tx);
    const sameName = await tx
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'trust')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
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
    const events: AuditEvent[] = [
      {
        trustId,
        actor: OPERATOR_ACTOR,
        action: 'organisation.created',
        entity: 'organisation',
        entityId: trustId,
        data: { after: { kind: 'trust', name, nation } },
        occurredAt: now,
      },
    ];
    const admin = adminEmail ? await inviteFirstAdmin(tx, deps, { trustId, email: adminEmail, baseUrl, now, newId }) : null;
    if (admin) events.push(...admin.events);
    await audit(tx, deps.auditKey).record(...events);
    return { trustId, name, nation, admin: admin?.invited ?? null };
  });
};

/** The trust admin account (no password yet), its role at the trust, and a 7-day invitation link, inside the caller's transaction. */
const inviteFirstAdmin = async (
  tx: Kysely<Tables>,
  deps: CreateTrustDeps,
  input: { trustId: string; email: string; baseUrl: string; now: Date; newId: () => string },
) => {
  const { trustId, email, now, newId } = input;
  const existing = await tx.selectFrom('user_accounts').select('id').where('email', '=', email).executeTakeFirst();
  if (existing)
    throw new AppError('conflict', 'There is already an account with this email', [
      { where: 'adminEmail', reason: 'this address already has a Pathways account: give another' },
    ]);
  const userId = newId();
  await tx.insertInto('user_accounts').values({ id: userId, trust_id: trustId, person_id: null, email, password_hash: null }).execute();
  const assignmentId = newId();
  await tx
    .insertInto('role_assignments')
    .values({ id: assignmentId, trust_id: trustId, user_id: userId, role: 'trust_admin', organisation_id: trustId, headteacher: false })
    .execute();
  const token = randomBytes(32).toString('base64url');
  const invitationId = newId();
  const expiresAt = new Date(now.getTime() + invitationRules.lifetimeDays * 86_400_000);
  await invitations(tx).insert({ id: invitationId, trustId, userId, tokenHash: hashToken(token), invitedBy: null, expiresAt, now });
  const invitationLink = `${input.baseUrl}/invitations/${token}`;
  await sendMail(
    { db: tx, config: deps.config, demo: deps.demo, clock: deps.clock },
    {
      trustId,
      to: email,
      subject: 'You have been invited to Pathways',
      text: [
        'You have been invited to Pathways as the administrator of your trust.',
        '',
        `Set your password here within ${invitationRules.lifetimeDays} days:`,
        invitationLink,
      ].join('\n'),
    },
  );
  const events: AuditEvent[] = [
    {
      trustId,
      actor: OPERATOR_ACTOR,
      action: 'account.invited',
      entity: 'account',
      entityId: userId,
      data: { before: null, after: { email, personId: null }, invitationId, expiresAt: expiresAt.toISOString() },
      occurredAt: now,
    },
    {
      trustId,
      actor: OPERATOR_ACTOR,
      action: 'role.assigned',
      entity: 'role_assignment',
      entityId: assignmentId,
      data: { before: null, after: { userId, role: 'trust_admin', organisationId: trustId, headteacher: false } },
      occurredAt: now,
    },
  ];
  return { invited: { userId, email, invitationLink, expiresAt }, events };
};
