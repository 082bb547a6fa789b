import type { ResourceType } from './resource.ts';

/** Every action the policy decides, by the kind of resource it applies to. */
export const actions = {
  framework: ['read', 'import'],
  organisation: ['read', 'update', 'createSchool', 'manageSignOn', 'importStaff', 'manageTraining', 'readTraining'],
  person: [
    'read',
    'create',
    'update',
    'markLeft',
    'readPortfolio',
    'editPortfolio',
    'decideEvidence',
    'confirmSpecialism',
    'awardHltaStatus',
    'conductReview',
    'recordTraining',
  ],
  account: ['read', 'invite', 'disable', 'assignRoles'],
  audit: ['read', 'export', 'verify'],
  partnership: ['read', 'manage'],
  engagement: ['read', 'record'],
  enrolment: [
    'read',
    'create',
    'update',
    'recordStatus',
    'confirmEmployer',
    'confirmProvider',
    // The off-the-job log, and the three parties of a progress review.
    'logOffTheJob',
    'approveOffTheJob',
    'reviewAsApprentice',
    'reviewAsEmployer',
    'reviewAsProvider',
  ],
} as const satisfies Record<ResourceType, readonly string[]>;

export type Action = { [T in ResourceType]: `${T}.${(typeof actions)[T][number]}` }[ResourceType];

/** All actions as strings, for enumerating tests. */
export const allActions: Action[] = Object.entries(actions).flatMap(([type, names]) => names.map((n) => `${type}.${n}` as Action));
