import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { Judgement } from '../../../store/judgements.ts';
import type { PortfolioDeps } from '../deps.ts';
import { judgementsOfPerson } from '../evidence/evidence-queries.ts';
import { recordObservation } from '../evidence/record-judgement.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

/** One judgement as the page lists it: with the evidence it rests on and who made it, by name. */
export type ShownJudgement = Judgement & { evidenceTitle: string | null; judgedByName: string };

/** A person's judgements grouped by framework (catalogue order of first appearance), each current one with its earlier ones. */
export type JudgementsPage = {
  subject: { id: string; name: string };
  frameworks: { title: string; rows: (ShownJudgement & { history: ShownJudgement[] })[] }[];
  can: { record: boolean };
};

/** The judgements page (anyone who may read the portfolio); `can.record` for a manager who may record from an observation. */
export const judgementsPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<JudgementsPage> => {
  const view = await judgementsOfPerson(deps, actor, personId);
  const shown = (j: Judgement): ShownJudgement => ({
    ...j,
    evidenceTitle: j.evidenceId ? (view.evidenceTitles.get(j.evidenceId) ?? 'Evidence') : null,
    judgedByName: view.judgeNames.get(j.judgedBy) ?? 'Someone',
  });
  const frameworks = new Map<string, JudgementsPage['frameworks'][number]>();
  for (const j of view.current) {
    const framework = deps.catalogue.frameworkOf(j.itemCode);
    const key = framework?.id ?? 'other';
    const group = frameworks.get(key) ?? { title: framework?.title ?? 'Other items', rows: [] };
    group.rows.push({ ...shown(j), history: (view.history.get(j.itemCode) ?? []).slice(1).map(shown) });
    frameworks.set(key, group);
  }
  return {
    subject: { id: view.subject.id, name: view.subject.name },
    frameworks: [...frameworks.values()],
    can: { record: view.canRecord },
  };
};

/** Records a judgement from an observation, or the judgements page to show the refusal on. */
export const recordObservationOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: unknown,
): Promise<FormOutcome<Judgement, JudgementsPage>> =>
  savedOrPage(
    () => recordObservation(deps, actor, personId, input),
    () => judgementsPage(deps, actor, personId),
  );
