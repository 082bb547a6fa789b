import { AppError } from '../../../contracts/errors.ts';
import { EvidenceDecision } from '../../../contracts/portfolio/evidence.ts';
import { decide } from '../../../domain/evidence/workflow.ts';
import type { Action } from '../../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { audit } from '../../../store/audit.ts';
import { evidence } from '../../../store/evidence.ts';
import { judgements } from '../../../store/judgements.ts';
import { newIdOf, type PortfolioDeps } from '../deps.ts';
import { notify } from '../notify.ts';
import { evidenceHref, loadEvidence, userOf } from './evidence-access.ts';
import { fieldDetails } from './write-evidence.ts';

/**
 * The line manager (or the apprentice's assessor) decides each claim: accepted claims record a
 * judgement "met" on this evidence. Claims, judgements, audit events and the author's notification
 * are written in one transaction, so a failure leaves nothing half-decided. An Associate Teacher
 * deciding a supervisee's evidence passes the supervision permission and `decidedAs: 'supervisor'`,
 * which the audit event records.
 */
export const decideEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  raw: unknown,
  as: { permission: Action; decidedAs: 'supervisor' } | null = null,
): Promise<void> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, as?.permission ?? 'person.decideEvidence');
  const user = userOf(actor);
  const parsed = EvidenceDecision.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Check the decisions', fieldDetails(parsed.error.issues));
  const result = decide(item, parsed.data.decisions, { personId: user.personId });
  if (!result.ok) {
    const own = result.errors.some((e) => e.reason === 'You cannot decide on your own evidence');
    if (own) throw new AppError('forbidden', 'You cannot decide on your own evidence', result.errors);
    if (item.status !== 'submitted') throw new AppError('conflict', 'This evidence is not waiting for a decision', result.errors);
    throw new AppError('validation', 'Check the decisions', result.errors);
  }
  const now = deps.clock();
  const decidedCodes = new Set(result.value.decided.map((d) => d.itemCode));
  const previous = new Map(item.claims.map((c) => [c.itemCode, c]));
  await deps.db.transaction().execute(async (trx) => {
    const store = evidence(trx);
    if (!(await store.setStatus(subject.trustId, item.id, { status: 'decided', from: 'submitted', at: now })))
      throw new AppError('conflict', 'This evidence was changed by someone else meanwhile: reload it and try again');
    await store.writeClaims(
      subject.trustId,
      item.id,
      result.value.claims.map((c) =>
        decidedCodes.has(c.itemCode)
          ? { ...c, decidedBy: user.userId, decidedAt: now }
          : (previous.get(c.itemCode) ?? { ...c, decidedBy: null, decidedAt: null }),
      ),
      () => newIdOf(deps),
    );

    const log = audit(trx, deps.auditKey);
    await log.record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'evidence.decided',
      entity: 'evidence',
      entityId: item.id,
      data: {
        before: { status: item.status, claims: item.claims.map((c) => `${c.itemCode}:${c.status}`) },
        after: { status: 'decided', decisions: result.value.decided },
        ...(as ? { decidedAs: as.decidedAs } : {}),
      },
      requestId: deps.requestId ?? null,
    });
    for (const j of result.value.judgements) {
      const id = newIdOf(deps);
      await judgements(trx).insert({
        id,
        trustId: subject.trustId,
        personId: subject.id,
        itemCode: j.itemCode,
        value: j.value,
        source: j.source,
        evidenceId: j.evidenceId,
        note: null,
        judgedBy: user.userId,
        judgedAt: now,
      });
      await log.record({
        trustId: subject.trustId,
        actor: user.userId,
        action: 'judgement.recorded',
        entity: 'judgement',
        entityId: id,
        data: {
          before: null,
          after: { personId: subject.id, itemCode: j.itemCode, value: j.value, source: j.source, evidenceId: item.id },
        },
        requestId: deps.requestId ?? null,
      });
    }
    const accepted = result.value.decided.filter((d) => d.outcome === 'accepted').length;
    const returned = result.value.decided.length - accepted;
    await notify(deps, trx, {
      trustId: subject.trustId,
      to: { personId: subject.id },
      kind: 'evidence.decided',
      message: `Your evidence "${item.title}" was reviewed: ${accepted} accepted, ${returned} returned`,
      href: evidenceHref(subject.id, item.id),
    });
  });
};
