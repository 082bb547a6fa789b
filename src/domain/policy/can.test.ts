import { describe, expect, it } from 'vitest';
import type { Action } from './actions.ts';
import { type Actor, anonymous, type RoleAssignment } from './actor.ts';
import { can } from './can.ts';
import type { Resource } from './resource.ts';

const TRUST_A = 'trust-a';
const SCHOOL_A1 = 'school-a1';
const SCHOOL_A2 = 'school-a2';
const TRUST_B = 'trust-b';
const SCHOOL_B1 = 'school-b1';

const user = (name: string, assignments: RoleAssignment[], extra: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  userId: `user-${name}`,
  personId: `person-${name}`,
  assignments,
  reportIds: [],
  apprenticeIds: [],
  partnershipIds: [],
  ...extra,
});

const actors = {
  anonymous,
  trustAdminA: user('trust-admin-a', [{ role: 'trust_admin', trustId: TRUST_A, organisationId: TRUST_A }]),
  schoolAdminA1: user('school-admin-a1', [{ role: 'school_admin', trustId: TRUST_A, organisationId: SCHOOL_A1 }]),
  headA1: user('head-a1', [{ role: 'school_admin', trustId: TRUST_A, organisationId: SCHOOL_A1, headteacher: true }]),
  managerA1: user('manager-a1', [{ role: 'line_manager', trustId: TRUST_A, organisationId: SCHOOL_A1 }], { reportIds: ['person-ta-a1'] }),
  staffA1: user('ta-a1', [{ role: 'staff', trustId: TRUST_A, organisationId: SCHOOL_A1 }]),
  assessor: user('assessor', [{ role: 'assessor', trustId: 'provider', organisationId: 'provider' }], {
    apprenticeIds: ['person-apprentice-b1'],
  }),
  coordinator: user('coordinator', [{ role: 'partnership_coordinator', trustId: TRUST_A, organisationId: TRUST_A }], {
    partnershipIds: ['p1'],
  }),
} as const;

const person = (trustId: string, organisationId: string, personId: string): Resource => ({
  type: 'person',
  trustId,
  organisationId,
  personId,
});
const taA1 = person(TRUST_A, SCHOOL_A1, 'person-ta-a1');
const otherA1 = person(TRUST_A, SCHOOL_A1, 'person-other-a1');
const taA2 = person(TRUST_A, SCHOOL_A2, 'person-ta-a2');
const apprenticeB1 = person(TRUST_B, SCHOOL_B1, 'person-apprentice-b1');
const schoolA1: Resource = { type: 'organisation', trustId: TRUST_A, organisationId: SCHOOL_A1 };
const schoolB1: Resource = { type: 'organisation', trustId: TRUST_B, organisationId: SCHOOL_B1 };
const auditA1: Resource = { type: 'audit', trustId: TRUST_A, organisationId: SCHOOL_A1 };
const auditA: Resource = { type: 'audit', trustId: TRUST_A, organisationId: TRUST_A };
const auditB: Resource = { type: 'audit', trustId: TRUST_B, organisationId: TRUST_B };

// Written by hand from the description of each role, not derived from the grants table.
const table: [keyof typeof actors, Action, Resource, boolean][] = [
  ['anonymous', 'framework.read', { type: 'framework' }, true],
  ['anonymous', 'person.read', taA1, false],
  ['anonymous', 'framework.import', { type: 'framework' }, false],
  ['trustAdminA', 'framework.import', { type: 'framework' }, false],
  ['trustAdminA', 'person.read', taA2, true],
  ['trustAdminA', 'person.update', taA1, true],
  ['trustAdminA', 'person.read', apprenticeB1, false],
  ['trustAdminA', 'organisation.createSchool', { type: 'organisation', trustId: TRUST_A, organisationId: TRUST_A }, true],
  ['trustAdminA', 'organisation.update', schoolB1, false],
  ['trustAdminA', 'audit.verify', auditA, true],
  ['trustAdminA', 'audit.read', auditB, false],
  ['trustAdminA', 'person.awardHltaStatus', taA1, false],
  ['schoolAdminA1', 'person.read', taA1, true],
  ['schoolAdminA1', 'person.markLeft', otherA1, true],
  ['schoolAdminA1', 'person.read', taA2, false],
  ['schoolAdminA1', 'organisation.importStaff', schoolA1, true],
  ['schoolAdminA1', 'organisation.createSchool', schoolA1, false],
  ['schoolAdminA1', 'audit.read', auditA1, true],
  ['schoolAdminA1', 'audit.read', auditA, false],
  ['schoolAdminA1', 'person.awardHltaStatus', taA1, false],
  ['headA1', 'person.awardHltaStatus', taA1, true],
  ['headA1', 'person.awardHltaStatus', taA2, false],
  ['managerA1', 'person.read', taA1, true],
  ['managerA1', 'person.decideEvidence', taA1, true],
  ['managerA1', 'person.read', otherA1, false],
  ['managerA1', 'person.update', taA1, false],
  ['managerA1', 'organisation.read', schoolA1, true],
  ['managerA1', 'organisation.read', schoolB1, false],
  ['staffA1', 'person.read', person(TRUST_A, SCHOOL_A1, 'person-ta-a1'), true],
  ['staffA1', 'person.readPortfolio', taA1, true],
  ['staffA1', 'person.decideEvidence', taA1, false],
  ['staffA1', 'person.read', otherA1, false],
  ['staffA1', 'person.update', taA1, false],
  ['staffA1', 'account.read', { type: 'account', trustId: TRUST_A, organisationId: SCHOOL_A1, userId: 'user-ta-a1' }, true],
  ['staffA1', 'account.read', { type: 'account', trustId: TRUST_A, organisationId: SCHOOL_A1, userId: 'user-other' }, false],
  ['assessor', 'person.read', apprenticeB1, true],
  ['assessor', 'person.decideEvidence', apprenticeB1, true],
  ['assessor', 'person.read', taA1, false],
  ['assessor', 'organisation.read', schoolB1, false],
  ['coordinator', 'partnership.manage', { type: 'partnership', partnershipId: 'p1' }, true],
  ['coordinator', 'partnership.read', { type: 'partnership', partnershipId: 'p2' }, false],
  ['coordinator', 'person.read', taA1, false],
  // The portfolio: the person writes it; their manager decides and reviews; admins keep training records.
  ['staffA1', 'person.editPortfolio', taA1, true],
  ['staffA1', 'person.editPortfolio', otherA1, false],
  ['managerA1', 'person.editPortfolio', taA1, false],
  ['schoolAdminA1', 'person.editPortfolio', taA1, false],
  ['managerA1', 'person.conductReview', taA1, true],
  ['managerA1', 'person.conductReview', otherA1, false],
  ['staffA1', 'person.conductReview', taA1, false],
  ['schoolAdminA1', 'person.conductReview', taA1, true],
  ['schoolAdminA1', 'person.conductReview', taA2, false],
  ['schoolAdminA1', 'person.recordTraining', taA1, true],
  ['trustAdminA', 'person.recordTraining', taA2, true],
  ['trustAdminA', 'person.recordTraining', apprenticeB1, false],
  ['staffA1', 'person.recordTraining', taA1, true],
  ['managerA1', 'person.recordTraining', taA1, false],
  ['trustAdminA', 'organisation.manageTraining', { type: 'organisation', trustId: TRUST_A, organisationId: TRUST_A }, true],
  ['schoolAdminA1', 'organisation.manageTraining', schoolA1, false],
  ['schoolAdminA1', 'organisation.readTraining', schoolA1, true],
  ['schoolAdminA1', 'organisation.readTraining', schoolB1, false],
  ['managerA1', 'organisation.readTraining', schoolA1, false],
  ['assessor', 'person.readPortfolio', apprenticeB1, true],
  ['assessor', 'person.editPortfolio', apprenticeB1, false],
];

describe('can(actor, action, resource)', () => {
  it.each(table)('%s %s on %o → %s', (actorName, action, resource, expected) => {
    expect(can(actors[actorName], action, resource).allowed).toBe(expected);
  });

  it('takes the union of a user’s assignments', () => {
    const headAndManager = user(
      'both',
      [
        { role: 'line_manager', trustId: TRUST_A, organisationId: SCHOOL_A2 },
        { role: 'school_admin', trustId: TRUST_A, organisationId: SCHOOL_A1, headteacher: true },
      ],
      { reportIds: ['person-ta-a2'] },
    );
    expect(can(headAndManager, 'person.decideEvidence', taA2).allowed).toBe(true);
    expect(can(headAndManager, 'person.awardHltaStatus', taA1).allowed).toBe(true);
    expect(can(headAndManager, 'person.update', taA2).allowed).toBe(false);
  });

  it('refuses an action that does not apply to the resource', () => {
    expect(can(actors.trustAdminA, 'person.read', schoolA1)).toEqual({
      allowed: false,
      reason: 'person.read does not apply to organisation resources',
    });
  });

  it('says why it refused an anonymous visitor', () => {
    expect(can(anonymous, 'person.read', taA1).reason).toBe('sign in required');
  });
});
