import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { type OutboxMessage, outbox } from '../../store/outbox.ts';
import type { Tables } from '../../store/tables.ts';
import { authorize } from '../authorize.ts';

/**
 * The outbox an admin may read: a trust admin sees their trust's mail; a school admin sees mail to
 * accounts held only at their schools (so never, say, a trust admin's reset link). Whoever may invite
 * accounts at an organisation may read the mail sent to them (`account.invite`).
 */
export const listOutbox = async (
  deps: { db: Kysely<Tables>; auditKey: Uint8Array; requestId?: string | null },
  actor: Actor,
): Promise<OutboxMessage[]> => {
  const authorizeDeps = { db: deps.db, auditKey: deps.auditKey, requestId: deps.requestId ?? null };
  const admin = actor.assignments.filter((a) => a.role === 'trust_admin' || a.role === 'school_admin');
  // Anyone else is refused (and the refusal audited) at the organisation of their first role.
  const checked = admin.length > 0 ? admin : actor.assignments.slice(0, 1);
  if (checked.length === 0) throw new AppError('forbidden', 'You do not have permission to do that');
  for (const a of checked)
    await authorize(authorizeDeps, actor, 'account.invite', {
      type: 'account',
      trustId: a.trustId,
      organisationId: a.organisationId,
      userId: actor.userId,
    });
  const store = outbox(deps.db);
  const messages = new Map<string, OutboxMessage>();
  const trusts = new Set(admin.filter((a) => a.role === 'trust_admin').map((a) => a.trustId));
  for (const trustId of trusts) for (const m of await store.listForTrust(trustId)) messages.set(m.id, m);
  for (const trustId of new Set(admin.map((a) => a.trustId))) {
    if (trusts.has(trustId)) continue;
    const schoolIds = admin.filter((a) => a.trustId === trustId).map((a) => a.organisationId);
    for (const m of await store.listForOrganisations(trustId, schoolIds)) messages.set(m.id, m);
  }
  return [...messages.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
};
