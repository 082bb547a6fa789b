import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { can } from '../../../domain/policy/can.ts';
import type { ProgressionSubject } from '../../../store/duty-profiles.ts';
import { type EvidenceSummary, evidence, type QueuedEvidence, type StoredEvidence } from '../../../store/evidence.ts';
import { type Judgement, judgements } from '../../../store/judgements.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import type { PortfolioDeps } from '../deps.ts';
import { loadEvidence } from './evidence-access.ts';

/** What the actor may do with a person's evidence, so pages show only the actions that would be allowed. */
export type EvidenceAbilities = { edit: boolean; decide: boolean };

const abilitiesOn = (actor: Actor | Anonymous, subject: ProgressionSubject): EvidenceAbilities => {
  const resource = { type: 'person', trustId: subject.trustId, organisationId: subject.organisationId, personId: subject.id } as const;
  const self = actor.kind === 'user' && actor.personId === subject.id;
  return {
    edit: can(actor, 'person.editPortfolio', resource).allowed,
    decide: !self && can(actor, 'person.decideEvidence', resource).allowed,
  };
};

/** A person's evidence, for anyone who may read their portfolio. */
export const listEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<{ subject: ProgressionSubject; items: EvidenceSummary[]; can: EvidenceAbilities }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  return { subject, items: await evidence(deps.db).listByPerson(subject.trustId, subject.id), can: abilitiesOn(actor, subject) };
};

/** One piece of evidence with its claims. */
export const showEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
): Promise<{ subject: ProgressionSubject; item: StoredEvidence; can: EvidenceAbilities }> => {
  const { subject, item } = await loadEvidence(deps, actor, personId, evidenceId, 'person.readPortfolio');
  return { subject, item, can: abilitiesOn(actor, subject) };
};

export type JudgementsView = {
  subject: ProgressionSubject;
  current: Judgement[];
  history: Map<string, Judgement[]>;
  evidenceTitles: Map<string, string>;
  judgeNames: Map<string, string>;
  canRecord: boolean;
};

/** A person's current judgements, each item's history, and the titles of the evidence behind them. */
export const judgementsOfPerson = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<JudgementsView> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const history = new Map<string, Judgement[]>();
  for (const j of await judgements(deps.db).allOfPerson(subject.trustId, subject.id))
    history.set(j.itemCode, [...(history.get(j.itemCode) ?? []), j]);
  // Newest first, so each item's current judgement heads its history.
  const current = [...history.values()]
    .flatMap((items) => items.slice(0, 1))
    .sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
  const evidenceTitles = new Map((await evidence(deps.db).listByPerson(subject.trustId, subject.id)).map((e) => [e.id, e.title] as const));
  const judges = [...new Set([...history.values()].flat().map((j) => j.judgedBy))];
  const judgeNames = await evidence(deps.db).accountNames(subject.trustId, judges);
  return { subject, current, history, evidenceTitles, judgeNames, canRecord: abilitiesOn(actor, subject).decide };
};

/** Submitted evidence waiting for this user: their reports' and their apprentices', oldest first, with the days waited. */
export const reviewQueue = async (deps: PortfolioDeps, actor: Actor): Promise<(QueuedEvidence & { waitingDays: number })[]> => {
  const trustIds = [...new Set(actor.assignments.map((a) => a.trustId))];
  const people = [...new Set([...actor.reportIds, ...actor.apprenticeIds])].filter((id) => id !== actor.personId);
  const now = deps.clock().getTime();
  const items: QueuedEvidence[] = [];
  for (const trustId of trustIds) items.push(...(await evidence(deps.db).queue(trustId, people)));
  items.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  return items.map((e) => ({ ...e, waitingDays: Math.floor((now - (e.submittedAt?.getTime() ?? now)) / 86_400_000) }));
};
