import { isDecisionOverdue, reviewsAnyone } from '../../../domain/evidence/decision-wait.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import type { QueuedEvidence } from '../../../store/evidence.ts';
import type { PortfolioDeps } from '../deps.ts';
import { reviewQueue } from '../evidence/evidence-queries.ts';

/** Evidence waiting for the user's decision, oldest first, each flagged once it has waited too long. */
export type EvidenceQueuePage = {
  queue: (QueuedEvidence & { waitingDays: number; overdue: boolean })[];
  /** False for someone who neither line-manages nor assesses anyone, so no evidence comes to them. */
  reviewsAnyone: boolean;
};

export const evidenceQueuePage = async (deps: PortfolioDeps, actor: Actor): Promise<EvidenceQueuePage> => ({
  queue: (await reviewQueue(deps, actor)).map((e) => ({ ...e, overdue: isDecisionOverdue(e.waitingDays) })),
  reviewsAnyone: reviewsAnyone(actor),
});
