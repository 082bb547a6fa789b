import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { directory } from '../../store/directory.ts';
import { trainingNeedsStore } from '../../store/insight/training-needs.ts';
import { type TrainingNeedsAnalysis, type TrainingNeedsDeps, type TrainingNeedsQuery, trainingNeeds } from './training-needs.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unknownScope = (id: string) =>
  new AppError('not_found', `There is no trust, school or partnership with the id ${id}`, [
    { where: 'scope', reason: 'give the id of a trust, a school or a partnership' },
  ]);

/**
 * The trusts an operator acts in to analyse a scope: the trust of a trust or school, or the trusts of a
 * partnership's member schools. Anything else (an unknown id, a training provider) is refused here,
 * with words an operator can act on.
 */
const trustsOfScope = async (deps: TrainingNeedsDeps, scopeId: string): Promise<string[]> => {
  if (!uuid.test(scopeId)) throw unknownScope(scopeId);
  const organisation = await directory(deps.db).findOrganisation(scopeId);
  if (organisation) {
    if (organisation.kind !== 'trust' && organisation.kind !== 'school')
      throw new AppError('validation', `${organisation.name} is a training provider, not a trust, school or partnership`, [
        { where: 'scope', reason: 'give the id of a trust, a school or a partnership' },
      ]);
    return [organisation.trust_id];
  }
  const partnership = await trainingNeedsStore(deps.db).partnershipSchools(scopeId);
  if (!partnership) throw unknownScope(scopeId);
  if (partnership.schools.length === 0)
    throw new AppError('validation', `The partnership ${partnership.name} has no member schools to analyse`, [
      { where: 'scope', reason: 'add a school to the partnership, or give a trust or school id' },
    ]);
  return [...new Set(partnership.schools.map((s) => s.trustId))];
};

/**
 * The training-needs analysis for an operator at the command line (`pathways tna`). Whoever can run
 * the command can already open the database, so the operator acts as trust admin of the scope's trust
 * (of each trust a partnership's schools belong to) and the same use-case and policy answer as they
 * do for the API. As on the web, a partnership across trusts is analysed for one trust's schools.
 */
export const operatorTrainingNeeds = async (
  deps: TrainingNeedsDeps,
  operator: string,
  query: TrainingNeedsQuery & { scope: string },
): Promise<TrainingNeedsAnalysis> => {
  const trustIds = await trustsOfScope(deps, query.scope);
  const actor: Actor = {
    kind: 'user',
    userId: operator,
    personId: null,
    assignments: trustIds.map((trustId) => ({ role: 'trust_admin', trustId, organisationId: trustId })),
    reportIds: [],
    apprenticeIds: [],
    partnershipIds: [],
  };
  return trainingNeeds(deps, actor, query);
};
