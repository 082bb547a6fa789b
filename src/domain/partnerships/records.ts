import type { Audience } from './audience.ts';
import type { Sector } from './sectors.ts';
import type { PatternSlot, ShareOfTime } from './work-pattern.ts';

/** A partnership and the trusts it touches (of its platform organisations and deployed teachers). */
export type Partnership = { id: string; name: string; memberTrustIds: string[] };

/**
 * An organisation a partnership works with: on the platform (organisationId and trustId set) or a
 * lightweight external one with no accounts.
 */
export type Partner = {
  id: string;
  partnershipId: string;
  organisationId: string | null;
  trustId: string | null;
  name: string;
  phase: string;
  sector: Sector;
  postcodeArea: string | null;
};

/** A teacher deployed by a partnership as one or more kinds, from a home employer to host organisations. */
export type Deployment = {
  id: string;
  partnershipId: string;
  person: { id: string; trustId: string; organisationId: string; name: string };
  kinds: string[];
  homePartnerId: string;
  hostPartnerIds: string[];
  share: ShareOfTime;
  startsOn: string;
  endsOn: string | null;
  objectives: string;
  pattern: PatternSlot[];
};

/** One piece of work a deployed teacher delivered. */
export type Engagement = {
  id: string;
  partnershipId: string;
  deploymentId: string;
  occurredOn: string;
  hostPartnerId: string;
  kind: string;
  activity: string;
  audience: Audience;
  minutes: number;
  outcomeNotes: string;
  followUps: string;
  reusedBy: string[];
};
