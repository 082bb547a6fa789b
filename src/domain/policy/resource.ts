/** What an action is about. Tenant resources carry their trust and organisation so scope can be checked. */
export type Resource =
  | { type: 'framework' }
  | { type: 'organisation'; trustId: string; organisationId: string }
  | { type: 'person'; trustId: string; organisationId: string; personId: string }
  | { type: 'account'; trustId: string; organisationId: string; userId: string }
  | { type: 'audit'; trustId: string; organisationId: string }
  /** A partnership; memberTrustIds (its organisations' and deployed teachers' trusts) decide forbidden from not found. */
  | { type: 'partnership'; partnershipId: string; memberTrustIds?: readonly string[] }
  /** A partnership teacher's work (a deployment, its engagements): the teacher and the sites it is delivered from and at. */
  | {
      type: 'engagement';
      partnershipId: string;
      memberTrustIds: readonly string[];
      teacherPersonId: string;
      sites: readonly { trustId: string; organisationId: string }[];
    }
  /** An apprenticeship enrolment: the employer's trust and school, the apprentice, and the training provider. */
  | { type: 'enrolment'; trustId: string; organisationId: string; personId: string; providerId: string };

export type ResourceType = Resource['type'];
