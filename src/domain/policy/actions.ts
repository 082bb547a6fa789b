import type { ResourceType } from './resource.ts';

/** Every action the policy decides, by the kind of resource it applies to. */
export const actions = {
  framework: ['read', 'import'],
  organisation: [
    'read',
    'update',
    'createSchool',
    'manageSignOn',
    'importStaff',
    'manageTraining',
    'readTraining',
    // Workforce insight: dashboards, reports and the training-needs analysis; planning a cohort's training.
    'readInsight',
    'planTraining',
  ],
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
    // Associate Teacher supervision: recording who an Associate Teacher supervises; a supervisor deciding a supervisee's evidence.
    'manageSupervision',
    'decideAsSupervisor',
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
    // The Associate Teacher's Foundation Degree modules, entered by the training provider.
    'recordModules',
  ],
} as const satisfies Record<ResourceType, readonly string[]>;

export type Action = { [T in ResourceType]: `${T}.${(typeof actions)[T][number]}` }[ResourceType];

/** All actions as strings, for enumerating tests. */
export const allActions: Action[] = Object.entries(actions).flatMap(([type, names]) => names.map((n) => `${type}.${n}` as Action));
