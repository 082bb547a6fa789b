import { AppError } from '../../../contracts/errors.ts';
import { submit } from '../../../domain/evidence/workflow.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { audit } from '../../../store/audit.ts';
import { evidence } from '../../../store/evidence.ts';
import { newIdOf, type PortfolioDeps } from '../deps.ts';
import { notify } from '../notify.ts';
import { evidenceHref, loadEvidence, userOf } from './evidence-access.ts';

/**
 * Sends evidence for a decision: returned claims go back to claimed, accepted ones stay. The author
 * must confirm they have anonymised pupils. The line manager is told in the app and by email.
 */
export const submitEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  confirmation: { pupilsAnonymised: boolean },
): Promise<void> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.editPortfolio');
  const user = userOf(actor);
  if (!confirmation.pupilsAnonymised)
    throw new AppError('validation', 'Check the evidence', [
      { where: 'anonymised', reason: 'Confirm that you have checked that pupils cannot be identified' },
    ]);
  const result = submit(item);
  if (!result.ok) throw new AppError('conflict', result.errors[0]?.reason ?? 'This evidence cannot be submitted', result.errors);
  const now = deps.clock();
  const previous = new Map(item.claims.map((c) => [c.itemCode, c]));
  await deps.db.transaction().execute(async (trx) => {
    const store = evidence(trx);
    if (!(await store.setStatus(subject.trustId, item.id, { status: 'submitted', from: item.status, at: now })))
      throw new AppError('conflict', 'This evidence was changed by someone else meanwhile: reload it and try again');
    await store.writeClaims(
      subject.trustId,
      item.id,
      result.value.claims.map((c) => {
        const before = previous.get(c.itemCode);
        return c.status === 'accepted' && before ? before : { ...c, decidedBy: null, decidedAt: null };
      }),
      () => newIdOf(deps),
    );
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'evidence.submitted',
      entity: 'evidence',
      entityId: item.id,
      data: {
        before: { status: item.status, claims: item.claims.map((c) => `${c.itemCode}:${c.status}`) },
        after: { status: 'submitted', claims: result.value.claims.map((c) => `${c.itemCode}:${c.status}`) },
      },
      requestId: deps.requestId ?? null,
    });
    if (subject.lineManagerId)
      await notify(deps, trx, {
        trustId: subject.trustId,
        to: { personId: subject.lineManagerId },
        kind: 'evidence.submitted',
        message: `${subject.name} submitted evidence for you to review: ${item.title}`,
        href: `${evidenceHref(subject.id, item.id)}/decision`,
      });
  });
};
