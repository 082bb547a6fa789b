import type { Action } from './actions.ts';
import type { RoleName } from './actor.ts';

/**
 * How far a grant reaches from the assignment that holds it:
 * - `public`: anyone, signed in or not;
 * - `trust`: anything in the assignment's trust;
 * - `school`: the assignment's own organisation (a school, and its people and accounts);
 * - `headteacher`: like school, for an assignment marked as the school's headteacher;
 * - `self`: the user's own person record and account;
 * - `reports`: people the user line-manages;
 * - `apprentices`: people enrolled with the user's training provider;
 * - `partnership`: partnerships the user coordinates.
 */
export type Scope = 'public' | 'trust' | 'school' | 'headteacher' | 'self' | 'reports' | 'apprentices' | 'partnership';

export type Grant = { roles: readonly RoleName[] | 'anyone'; actions: readonly Action[]; scope: Scope };

/** The whole permission model in one table. Anything not granted here is refused. */
export const grants: readonly Grant[] = [
  { roles: 'anyone', scope: 'public', actions: ['framework.read'] },
  {
    roles: ['trust_admin'],
    scope: 'trust',
    actions: [
      'organisation.read',
      'organisation.update',
      'organisation.createSchool',
      'organisation.manageSignOn',
      'organisation.importStaff',
      'organisation.manageTraining',
      'organisation.readTraining',
      'person.read',
      'person.create',
      'person.update',
      'person.markLeft',
      'person.readPortfolio',
      'person.confirmSpecialism',
      'person.recordTraining',
      'account.read',
      'account.invite',
      'account.disable',
      'account.assignRoles',
      'audit.read',
      'audit.export',
      'audit.verify',
    ],
  },
  {
    roles: ['school_admin'],
    scope: 'school',
    actions: [
      'organisation.read',
      'organisation.update',
      'organisation.importStaff',
      'organisation.readTraining',
      'person.read',
      'person.create',
      'person.update',
      'person.markLeft',
      'person.readPortfolio',
      'person.confirmSpecialism',
      'person.conductReview',
      'person.recordTraining',
      'account.read',
      'account.invite',
      'account.disable',
      'account.assignRoles',
      'audit.read',
      'audit.export',
    ],
  },
  { roles: ['school_admin'], scope: 'headteacher', actions: ['person.awardHltaStatus'] },
  { roles: ['trust_admin', 'school_admin', 'line_manager', 'staff'], scope: 'trust', actions: ['organisation.read'] },
  {
    roles: ['line_manager'],
    scope: 'reports',
    actions: ['person.read', 'person.readPortfolio', 'person.decideEvidence', 'person.confirmSpecialism', 'person.conductReview'],
  },
  {
    roles: ['staff', 'line_manager', 'school_admin', 'trust_admin', 'assessor', 'partnership_coordinator'],
    scope: 'self',
    actions: ['person.read', 'person.readPortfolio', 'person.editPortfolio', 'person.recordTraining', 'account.read'],
  },
  { roles: ['assessor'], scope: 'apprentices', actions: ['person.read', 'person.readPortfolio', 'person.decideEvidence'] },
  { roles: ['partnership_coordinator'], scope: 'partnership', actions: ['partnership.read', 'partnership.manage'] },
];
