import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { AuthorizeDeps } from '../authorize.ts';
import { showPerson } from './people.ts';

/** A person's page: their record, posts and reports, and what the viewer may open from it. */
export const personPage = async (deps: AuthorizeDeps, actor: Actor, personId: string) => {
  const shown = await showPerson(deps, actor, personId);
  const portfolio = {
    type: 'person',
    trustId: shown.person.trust_id,
    organisationId: shown.person.organisation_id,
    personId: shown.person.id,
  } as const;
  return {
    ...shown,
    can: {
      ...shown.can,
      // The next-step, route, role-fit and portfolio pages: for whoever may read this person's portfolio (a line manager for their team).
      seeProgress: can(actor, 'person.readPortfolio', portfolio).allowed,
      // An assessor or a partnership coordinator reaches people of other schools but not their school's page.
      openOrganisation: can(actor, 'organisation.read', {
        type: 'organisation',
        trustId: shown.person.trust_id,
        organisationId: shown.person.organisation_id,
      }).allowed,
    },
  };
};
