import type { Action } from '../policy/actions.ts';
import type { Actor, Anonymous } from '../policy/actor.ts';
import { can } from '../policy/can.ts';
import type { Resource } from '../policy/resource.ts';
import type { ReviewParty } from './progress-review.ts';

/**
 * Who someone is to an enrolment: the apprentice, the employer (their line manager or the school's
 * admin) or the provider (an assessor of the enrolment's own training provider). The grants table
 * says which roles act for which party; the enrolment resource carries its provider, so an assessor
 * acts only on enrolments with their own provider.
 */

export type EnrolmentLink = { trustId: string; employerId: string; providerId: string; personId: string };

/** The enrolment as a permission resource. */
export const enrolmentResource = (e: EnrolmentLink): Resource & { type: 'enrolment' } => ({
  type: 'enrolment',
  trustId: e.trustId,
  organisationId: e.employerId,
  personId: e.personId,
  providerId: e.providerId,
});

/** Whether the user may take the action on this enrolment. */
export const mayOnEnrolment = (actor: Actor | Anonymous, action: Action, e: EnrolmentLink): boolean =>
  can(actor, action, enrolmentResource(e)).allowed;

const partyActions: Record<ReviewParty, Action> = {
  apprentice: 'enrolment.reviewAsApprentice',
  employer: 'enrolment.reviewAsEmployer',
  provider: 'enrolment.reviewAsProvider',
};

/** The review parties the user may comment and sign as on this enrolment (usually one). */
export const partiesOf = (actor: Actor | Anonymous, e: EnrolmentLink): ReviewParty[] =>
  (Object.keys(partyActions) as ReviewParty[]).filter((party) => mayOnEnrolment(actor, partyActions[party], e));
