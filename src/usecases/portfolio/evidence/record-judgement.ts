import { AppError } from '../../../contracts/errors.ts';
import { ObservationJudgement } from '../../../contracts/portfolio/evidence.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { audit } from '../../../store/audit.ts';
import { type Judgement, judgements } from '../../../store/judgements.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from '../deps.ts';
import { notify } from '../notify.ts';
import { userOf } from './evidence-access.ts';
import { fieldDetails } from './write-evidence.ts';

/** A manager records a judgement straight from an observation; the earlier judgements stay as history. */
export const recordObservation = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  raw: unknown,
): Promise<Judgement> => {
  const subject = await loadSubject(deps, actor, personId, 'person.decideEvidence');
  const user = userOf(actor);
  const parsed = ObservationJudgement.safeParse(raw);
  if (!parsed.success) throw new AppError('validation', 'Check the judgement', fieldDetails(parsed.error.issues));
  const input = parsed.data;
  if (!deps.catalogue.item(input.itemCode))
    throw new AppError('validation', 'Check the judgement', [
      { where: 'itemCode', reason: `${input.itemCode} is not a competency item in the framework` },
    ]);
  if (user.personId === subject.id)
    throw new AppError('forbidden', 'You cannot judge your own practice', [{ where: 'id', reason: 'self-judgement' }]);
  const judgement: Judgement = {
    id: newIdOf(deps),
    trustId: subject.trustId,
    personId: subject.id,
    itemCode: input.itemCode,
    value: input.value,
    source: 'observation',
    evidenceId: null,
    note: input.note || null,
    judgedBy: user.userId,
    judgedAt: deps.clock(),
  };
  await deps.db.transaction().execute(async (trx) => {
    const [before] = await judgements(trx).history(subject.trustId, subject.id, input.itemCode);
    await judgements(trx).insert(judgement);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'judgement.recorded',
      entity: 'judgement',
      entityId: judgement.id,
      data: {
        before: before ? { value: before.value, source: before.source } : null,
        after: { personId: subject.id, itemCode: input.itemCode, value: input.value, source: 'observation', note: judgement.note },
      },
      requestId: deps.requestId ?? null,
    });
    await notify(deps, trx, {
      trustId: subject.trustId,
      to: { personId: subject.id },
      kind: 'judgement.recorded',
      message: `A judgement was recorded from an observation: ${input.itemCode} ${input.value}`,
      href: `/people/${subject.id}/portfolio/judgements`,
    });
  });
  return judgement;
};
