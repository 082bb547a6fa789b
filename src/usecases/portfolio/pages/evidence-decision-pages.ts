import { AppError } from '../../../contracts/errors.ts';
import { awaitsDecision } from '../../../domain/evidence/claim-locks.ts';
import type { Claim } from '../../../domain/evidence/workflow.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { ProgressionSubject } from '../../../store/duty-profiles.ts';
import type { StoredEvidence } from '../../../store/evidence.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import { type AttachmentSummary, attachmentsOf } from '../attachments.ts';
import type { PortfolioDeps } from '../deps.ts';
import { decideEvidence } from '../evidence/decide-evidence.ts';
import { showEvidence } from '../evidence/evidence-queries.ts';
import { pupilCheck } from '../evidence/pupil-check.ts';
import { submitEvidence } from '../evidence/submit-evidence.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

/** The decision page: the evidence, its files and the claims still waiting; `awaitingDecision` false once it has been decided. */
export type EvidenceDecisionPage = {
  subject: ProgressionSubject;
  item: StoredEvidence;
  attachments: AttachmentSummary[];
  waiting: Claim[];
  awaitingDecision: boolean;
};

/** The page on which a manager decides someone else's submitted evidence, claim by claim. */
export const evidenceDecisionPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<EvidenceDecisionPage> => {
  // Only those who may decide see this page (the author is refused by the policy and the self check).
  await loadSubject(deps, actor, personId, 'person.decideEvidence');
  const { subject, item, can } = await showEvidence(deps, actor, personId, evidenceId);
  if (!can.decide) throw new AppError('forbidden', 'You cannot decide on your own evidence');
  return {
    subject,
    item,
    attachments: (await attachmentsOf(deps.db, subject.trustId, 'evidence', [item.id])).get(item.id) ?? [],
    waiting: item.claims.filter((c) => c.status === 'claimed'),
    awaitingDecision: awaitsDecision(item),
  };
};

/** Records the decisions, or the decision page to show the refusal on. */
export const decideEvidenceOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  input: unknown,
): Promise<FormOutcome<void, EvidenceDecisionPage>> =>
  savedOrPage(
    () => decideEvidence(deps, actor, personId, evidenceId, input),
    () => evidenceDecisionPage(deps, actor, personId, evidenceId),
  );

export type SubmitPage = Awaited<ReturnType<typeof pupilCheck>>;

/** The submit page: the author's evidence with what looks like a pupil's name flagged. */
export const evidenceSubmitPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<SubmitPage> => pupilCheck(deps, actor, personId, evidenceId);

/** Submits the evidence for a decision, or the submit page to show the refusal on. */
export const submitEvidenceOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  input: { pupilsAnonymised: boolean },
): Promise<FormOutcome<void, SubmitPage>> =>
  savedOrPage(
    () => submitEvidence(deps, actor, personId, evidenceId, input),
    () => pupilCheck(deps, actor, personId, evidenceId),
  );
