import type { Actor } from '../../domain/policy/actor.ts';
import { scopeOf } from '../people/scope.ts';

/**
 * How far a user's employer's view of apprentices (the list at /apprentices) reaches, from the grants
 * of `enrolment.read`: `organisations` when it reaches a whole trust or a school (trust and school
 * admins), `reports` when it reaches only people they line-manage, null when it reaches neither.
 * Reading one's own enrolment, or the provider's apprentices (an assessor's caseload, at /caseload),
 * is not the employer's view. The page, the header and the home ask this one question, so the link
 * is offered exactly to those the page lets in.
 */
export const employerReachOf = (actor: Actor): 'organisations' | 'reports' | null => {
  const scope = scopeOf(actor, 'enrolment.read');
  if (scope.trustIds.length + scope.organisationIds.length > 0) return 'organisations';
  return scope.personIds.some((id) => actor.reportIds.includes(id)) ? 'reports' : null;
};

/** Whether the user may open the employer's list of apprentices (/apprentices). */
export const hasEmployerReach = (actor: Actor): boolean => employerReachOf(actor) !== null;
