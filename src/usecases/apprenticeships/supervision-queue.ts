import { AppError } from '../../contracts/errors.ts';
import { awaitsDecision } from '../../domain/evidence/claim-locks.ts';
import type { Claim } from '../../domain/evidence/workflow.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { evidence, type QueuedEvidence, type StoredEvidence } from '../../store/evidence.ts';
import { type AttachmentSummary, attachmentsOf } from '../portfolio/attachments.ts';
import type { PortfolioDeps } from '../portfolio/deps.ts';
import { decideEvidence } from '../portfolio/evidence/decide-evidence.ts';
import { loadEvidence } from '../portfolio/evidence/evidence-access.ts';
import { type FormOutcome, savedOrPage } from '../portfolio/pages/outcome.ts';

/**
 * The supervisor's side of supervision: the evidence their supervisees have submitted, and the
 * decision on it where the school lets supervisors decide (the grant `person.decideAsSupervisor` is
 * resolved only for supervisees of such schools). The decision is the portfolio's own, recorded as
 * by the supervisor.
 */

export const supervisionQueueHref = '/supervision';
export const supervisorDecisionHref = (personId: string, evidenceId: string) => `/supervision/people/${personId}/evidence/${evidenceId}`;

export type SupervisionQueue = {
  items: (QueuedEvidence & { waitingDays: number; canDecide: boolean })[];
  superviseeCount: number;
  /** Whether any supervisee's school lets the supervisor decide (else the page says who decides). */
  decidesAny: boolean;
};

/** The submitted evidence of the user's supervisees, oldest first; forbidden for someone who supervises nobody. */
export const supervisionQueue = async (deps: PortfolioDeps, actor: Actor | Anonymous): Promise<SupervisionQueue> => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  const supervisees = (actor.superviseeIds ?? []).filter((id) => id !== actor.personId);
  if (supervisees.length === 0) throw new AppError('forbidden', 'You do not supervise anyone');
  const trustIds = [...new Set(actor.assignments.map((a) => a.trustId))];
  const items: QueuedEvidence[] = [];
  for (const trustId of trustIds) items.push(...(await evidence(deps.db).queue(trustId, supervisees)));
  items.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  const now = deps.clock().getTime();
  const deciding = new Set(actor.decidingSuperviseeIds ?? []);
  return {
    items: items.map((e) => ({
      ...e,
      waitingDays: Math.floor((now - (e.submittedAt?.getTime() ?? now)) / 86_400_000),
      canDecide: deciding.has(e.personId),
    })),
    superviseeCount: supervisees.length,
    decidesAny: deciding.size > 0,
  };
};

export type SupervisorDecisionPage = {
  subject: ProgressionSubject;
  item: StoredEvidence;
  attachments: AttachmentSummary[];
  waiting: Claim[];
  awaitingDecision: boolean;
};

/** The supervisor's decision page for a supervisee's submitted evidence (person.decideAsSupervisor). */
export const supervisorDecisionPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<SupervisorDecisionPage> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.decideAsSupervisor');
  if (actor.kind === 'user' && actor.personId === subject.id) throw new AppError('forbidden', 'You cannot decide on your own evidence');
  return {
    subject,
    item,
    attachments: (await attachmentsOf(deps.db, subject.trustId, 'evidence', [item.id])).get(item.id) ?? [],
    waiting: item.claims.filter((c) => c.status === 'claimed'),
    awaitingDecision: awaitsDecision(item),
  };
};

/** Records the supervisor's decisions (audited as decided by the supervisor), or the page to show the refusal on. */
export const decideAsSupervisor = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  input: unknown,
): Promise<FormOutcome<void, SupervisorDecisionPage>> =>
  savedOrPage(
    () => decideEvidence(deps, actor, personId, evidenceId, input, { permission: 'person.decideAsSupervisor', decidedAs: 'supervisor' }),
    () => supervisorDecisionPage(deps, actor, personId, evidenceId),
  );
