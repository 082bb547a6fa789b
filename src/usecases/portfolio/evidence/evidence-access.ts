import { AppError } from '../../../contracts/errors.ts';
import type { Action } from '../../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { ProgressionSubject } from '../../../store/duty-profiles.ts';
import { evidence, type StoredEvidence } from '../../../store/evidence.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import type { PortfolioDeps } from '../deps.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authorizes the action on the person first, then finds their evidence, so a refused actor learns
 * nothing about which evidence ids exist.
 */
export const loadEvidence = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  evidenceId: string,
  action: Action,
): Promise<{ subject: ProgressionSubject; item: StoredEvidence }> => {
  const subject = await loadSubject(deps, actor, personId, action);
  const item = UUID.test(evidenceId) ? await evidence(deps.db).find(subject.trustId, evidenceId) : undefined;
  if (!item || item.personId !== subject.id)
    throw new AppError('not_found', 'No evidence has that id', [{ where: 'evidenceId', reason: `unknown evidence ${evidenceId}` }]);
  return { subject, item };
};

/** The path of a piece of evidence in the web app, for notifications. */
export const evidenceHref = (personId: string, evidenceId: string) => `/people/${personId}/portfolio/evidence/${evidenceId}`;

/** The signed-in user of a use-case that changes data (anonymous callers were refused by authorize). */
export const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};
