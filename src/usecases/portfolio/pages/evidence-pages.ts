import { awaitsDecision, lockedClaims } from '../../../domain/evidence/claim-locks.ts';
import { editableParts } from '../../../domain/evidence/workflow.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { ProgressionSubject } from '../../../store/duty-profiles.ts';
import type { EvidenceSummary, StoredEvidence } from '../../../store/evidence.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import { type AttachmentSummary, attachmentsOf } from '../attachments.ts';
import type { PortfolioDeps } from '../deps.ts';
import { loadEvidence } from '../evidence/evidence-access.ts';
import { listEvidence, showEvidence } from '../evidence/evidence-queries.ts';
import { createEvidence, deleteDraft, updateEvidence } from '../evidence/write-evidence.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';
import { isSelf } from './self.ts';

/** What the actor may do on one piece of evidence, as the page offers it. */
export type EvidenceActions = {
  /** Change its text, date and claims (a draft, or decided evidence with returned claims). */
  edit: boolean;
  /** Attach and remove files. */
  upload: boolean;
  /** Delete it (drafts only). */
  delete: boolean;
  /** Decide its claims now (someone else's submitted evidence). */
  decide: boolean;
};

/** The evidence editor's page: whose it is, and (once saved) the evidence, its files and the claims it can no longer drop. */
export type EvidenceEditorPage = {
  subject: ProgressionSubject;
  self: boolean;
  evidence: { item: StoredEvidence; attachments: AttachmentSummary[]; locked: string[] } | null;
  /** New evidence is written, but takes files only once it is saved. */
  can: EvidenceActions;
};

/** One piece of evidence as its page shows it: in the editor for an author who may still change it, else to read. */
export type EvidencePage = {
  subject: ProgressionSubject;
  self: boolean;
  item: StoredEvidence;
  attachments: AttachmentSummary[];
  locked: string[];
  opensAsEditor: boolean;
  can: EvidenceActions;
};

const filesOf = async (deps: PortfolioDeps, subject: ProgressionSubject, item: StoredEvidence) =>
  (await attachmentsOf(deps.db, subject.trustId, 'evidence', [item.id])).get(item.id) ?? [];

const actionsOn = (item: StoredEvidence, abilities: { edit: boolean; decide: boolean }): EvidenceActions => {
  const parts = editableParts(item);
  return {
    edit: abilities.edit && parts.any,
    upload: abilities.edit && parts.attachments,
    delete: abilities.edit && item.status === 'draft',
    decide: abilities.decide && awaitsDecision(item),
  };
};

/** A person's evidence list, with whether the actor may add evidence or decide it. */
export const evidenceListPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<{ subject: ProgressionSubject; self: boolean; items: EvidenceSummary[]; can: { edit: boolean; decide: boolean } }> => {
  const listed = await listEvidence(deps, actor, personId);
  return { ...listed, self: isSelf(actor, listed.subject.id) };
};

/** The page of one piece of evidence (anyone who may read the portfolio). */
export const evidencePage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<EvidencePage> => {
  const { subject, item, can } = await showEvidence(deps, actor, personId, evidenceId);
  const actions = actionsOn(item, can);
  return {
    subject,
    self: isSelf(actor, subject.id),
    item,
    attachments: await filesOf(deps, subject, item),
    locked: lockedClaims(item),
    opensAsEditor: actions.edit,
    can: actions,
  };
};

/** The editor for new evidence (null) or existing evidence, for those who may edit the portfolio. */
export const evidenceEditorPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string | null,
): Promise<EvidenceEditorPage> => {
  if (evidenceId === null) {
    const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
    return { subject, self: isSelf(actor, subject.id), evidence: null, can: { edit: true, upload: false, delete: false, decide: false } };
  }
  // Authorized for editing before the evidence is looked up, so others are refused rather than told it is missing.
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.editPortfolio');
  return {
    subject,
    self: isSelf(actor, subject.id),
    evidence: { item, attachments: await filesOf(deps, subject, item), locked: lockedClaims(item) },
    can: actionsOn(item, { edit: true, decide: false }),
  };
};

/** Saves new evidence as a draft, or the editor to show the refusal on. */
export const saveNewEvidence = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<FormOutcome<StoredEvidence, EvidenceEditorPage>> =>
  savedOrPage(
    () => createEvidence(deps, actor, personId, input),
    () => evidenceEditorPage(deps, actor, personId, null),
  );

/** Saves changes to evidence (accepted claims are kept whatever is posted), or the editor to show the refusal on. */
export const saveEvidenceChanges = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  input: unknown,
): Promise<FormOutcome<StoredEvidence, EvidenceEditorPage>> =>
  savedOrPage(
    () => updateEvidence(deps, actor, personId, evidenceId, input),
    () => evidenceEditorPage(deps, actor, personId, evidenceId),
  );

/** Deletes a draft. */
export const deleteEvidenceDraft = (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, evidenceId: string) =>
  deleteDraft(deps, actor, personId, evidenceId);
