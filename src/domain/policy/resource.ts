/** What an action is about. Tenant resources carry their trust and organisation so scope can be checked. */
export type Resource =
  | { type: 'framework' }
  | { type: 'organisation'; trustId: string; organisationId: string }
  | { type: 'person'; trustId: string; organisationId: string; personId: string }
  | { type: 'account'; trustId: string; organisationId: string; userId: string }
  | { type: 'audit'; trustId: string; organisationId: string }
  | { type: 'partnership'; partnershipId: string };

export type ResourceType = Resource['type'];
