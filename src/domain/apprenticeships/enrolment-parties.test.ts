import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/actor.ts';
import { mayOnEnrolment, partiesOf } from './enrolment-parties.ts';

const enrolment = { trustId: 'trust-a', employerId: 'school-a', providerId: 'provider-n', personId: 'amy' };
const user = (over: Partial<Actor>): Actor => ({
  kind: 'user',
  userId: 'u',
  personId: null,
  assignments: [],
  reportIds: [],
  apprenticeIds: [],
  partnershipIds: [],
  ...over,
});

const apprentice = user({ personId: 'amy', assignments: [{ role: 'staff', trustId: 'trust-a', organisationId: 'school-a' }] });
const manager = user({
  personId: 'priya',
  reportIds: ['amy'],
  assignments: [{ role: 'line_manager', trustId: 'trust-a', organisationId: 'school-a' }],
});
const assessor = user({ apprenticeIds: ['amy'], assignments: [{ role: 'assessor', trustId: 'provider-n', organisationId: 'provider-n' }] });
const otherAssessor = user({
  apprenticeIds: ['amy'],
  assignments: [{ role: 'assessor', trustId: 'provider-s', organisationId: 'provider-s' }],
});

describe('the parties to an enrolment', () => {
  it('the apprentice, the line manager as employer and the provider’s assessor each act as one party', () => {
    expect(partiesOf(apprentice, enrolment)).toEqual(['apprentice']);
    expect(partiesOf(manager, enrolment)).toEqual(['employer']);
    expect(partiesOf(assessor, enrolment)).toEqual(['provider']);
  });
  it('only the enrolment’s own provider approves off-the-job hours', () => {
    expect(mayOnEnrolment(assessor, 'enrolment.approveOffTheJob', enrolment)).toBe(true);
    expect(mayOnEnrolment(manager, 'enrolment.approveOffTheJob', enrolment)).toBe(false);
    expect(mayOnEnrolment(apprentice, 'enrolment.approveOffTheJob', enrolment)).toBe(false);
  });
  it('an assessor of another provider cannot act on the enrolment, even with the same apprentice on their caseload', () => {
    expect(mayOnEnrolment(otherAssessor, 'enrolment.read', enrolment)).toBe(false);
    expect(mayOnEnrolment(otherAssessor, 'enrolment.approveOffTheJob', enrolment)).toBe(false);
    expect(partiesOf(otherAssessor, enrolment)).toEqual([]);
  });
});
