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
 * - `partnership`: partnerships the user coordinates;
 * - `supervisees`: colleagues the user supervises as an Associate Teacher;
 * - `decidingSupervisees`: those of them whose school lets supervisors decide evidence (a school setting, off by default).
 */
export type Scope =
  | 'public'
  | 'trust'
  | 'school'
  | 'headteacher'
  | 'self'
  | 'reports'
  | 'apprentices'
  | 'partnership'
  | 'supervisees'
  | 'decidingSupervisees';

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
      'organisation.readInsight',
      'organisation.planTraining',
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
      'organisation.readInsight',
      'organisation.planTraining',
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
  // Apprenticeships: the apprentice logs their own off-the-job training and reviews as the apprentice;
  // the line manager (or the school's admin) reviews as the employer; the assessor of the enrolment's
  // own provider logs, approves and reviews as the provider.
  {
    roles: ['staff', 'line_manager', 'school_admin', 'trust_admin', 'assessor', 'partnership_coordinator'],
    scope: 'self',
    actions: ['enrolment.logOffTheJob', 'enrolment.reviewAsApprentice'],
  },
  { roles: ['line_manager'], scope: 'reports', actions: ['enrolment.reviewAsEmployer'] },
  { roles: ['school_admin'], scope: 'school', actions: ['enrolment.reviewAsEmployer'] },
  {
    roles: ['assessor'],
    scope: 'apprentices',
    actions: ['enrolment.logOffTheJob', 'enrolment.approveOffTheJob', 'enrolment.reviewAsProvider'],
  },
  // Enrolments: the employer (trust and school admins) enrols and keeps the record; the provider's
  // assessor keeps its status and confirms Gateway to Completion for the provider; the line manager
  // confirms it for the employer; the apprentice reads their own.
  {
    roles: ['trust_admin'],
    scope: 'trust',
    actions: ['enrolment.read', 'enrolment.create', 'enrolment.update', 'enrolment.recordStatus', 'enrolment.confirmEmployer'],
  },
  {
    roles: ['school_admin'],
    scope: 'school',
    actions: ['enrolment.read', 'enrolment.create', 'enrolment.update', 'enrolment.recordStatus', 'enrolment.confirmEmployer'],
  },
  { roles: ['line_manager'], scope: 'reports', actions: ['enrolment.read', 'enrolment.confirmEmployer'] },
  {
    roles: ['staff', 'line_manager', 'school_admin', 'trust_admin', 'assessor', 'partnership_coordinator'],
    scope: 'self',
    actions: ['enrolment.read'],
  },
  {
    roles: ['assessor'],
    scope: 'apprentices',
    actions: ['enrolment.read', 'enrolment.update', 'enrolment.recordStatus', 'enrolment.confirmProvider'],
  },
  // The Associate Teacher programme: the provider's assessor records the Foundation Degree's modules;
  // the school's admin or the Associate Teacher's line manager records whom they supervise; the
  // supervisor reads their supervisees' portfolios, and decides their evidence where the school allows.
  { roles: ['assessor'], scope: 'apprentices', actions: ['enrolment.recordModules'] },
  { roles: ['school_admin'], scope: 'school', actions: ['person.manageSupervision'] },
  { roles: ['line_manager'], scope: 'reports', actions: ['person.manageSupervision'] },
  { roles: ['staff', 'line_manager'], scope: 'supervisees', actions: ['person.read', 'person.readPortfolio'] },
  { roles: ['staff', 'line_manager'], scope: 'decidingSupervisees', actions: ['person.decideAsSupervisor'] },
  { roles: ['partnership_coordinator'], scope: 'partnership', actions: ['partnership.read', 'partnership.manage'] },
  // Partnership teaching: the coordinator sees and records all of the partnership's work; a school
  // admin sees the work delivered from or hosted at their school; a teacher sees and records their own.
  { roles: ['partnership_coordinator'], scope: 'partnership', actions: ['engagement.read', 'engagement.record'] },
  { roles: ['school_admin'], scope: 'school', actions: ['engagement.read'] },
  {
    roles: ['staff', 'line_manager', 'school_admin', 'trust_admin', 'assessor', 'partnership_coordinator'],
    scope: 'self',
    actions: ['engagement.read', 'engagement.record'],
  },
];
