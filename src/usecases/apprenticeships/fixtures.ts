/**
 * Test builders for apprenticeships: training providers (each its own tenant) with an assessor
 * account, and enrolments written straight to the store, so scope tests can ask who sees what.
 */
import type { Kysely } from 'kysely';
import { accounts } from '../../store/accounts.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { organisations } from '../../store/organisations.ts';
import type { Tables } from '../../store/tables.ts';

export type SeededProvider = { providerId: string; assessor: { userId: string; email: string } };

/** A training provider (an organisation of kind provider whose trust is itself) with one assessor. */
export const seedProvider = async (db: Kysely<Tables>, label: string): Promise<SeededProvider> => {
  const providerId = crypto.randomUUID();
  await organisations(db).insert({
    id: providerId,
    trust_id: providerId,
    kind: 'provider',
    name: `${label} Training`,
    phase: null,
    nation: 'England',
    urn: null,
    parent_id: null,
  });
  const userId = crypto.randomUUID();
  const email = `assessor@${label}-provider.example`.toLowerCase();
  await accounts(db).insert({ id: userId, trust_id: providerId, person_id: null, email, password_hash: null });
  await accounts(db).assignRole({
    id: crypto.randomUUID(),
    trust_id: providerId,
    user_id: userId,
    role: 'assessor',
    organisation_id: providerId,
  });
  return { providerId, assessor: { userId, email } };
};

/** An enrolment written directly (no use-case), for tests about who can see it: ST1414 SEND unless another programme is given. */
export const seedEnrolment = async (
  db: Kysely<Tables>,
  r: {
    trustId: string;
    personId: string;
    employerId: string;
    providerId: string;
    startDate?: string;
    ageAtStart?: number;
    programme?: { id: string; optionCode: string | null };
  },
): Promise<string> => {
  const id = crypto.randomUUID();
  await enrolments(db).insert({
    id,
    trustId: r.trustId,
    personId: r.personId,
    employerId: r.employerId,
    providerId: r.providerId,
    programme: r.programme?.id ?? 'ST1414',
    optionCode: r.programme ? r.programme.optionCode : 'SEND',
    startDate: r.startDate ?? '2025-09-01',
    plannedEndDate: '2027-08-31',
    contractedHoursPerWeek: 32.5,
    ageAtStart: r.ageAtStart ?? 24,
    priorLearningHours: 0,
    priorLearningItems: [],
    fixedMinimum: null,
    createdBy: null,
    at: new Date('2025-09-01T09:00:00Z'),
  });
  await enrolments(db).insertStatusChange({
    id: crypto.randomUUID(),
    trustId: r.trustId,
    enrolmentId: id,
    status: 'on_programme',
    effectiveFrom: r.startDate ?? '2025-09-01',
    effectiveTo: null,
    grade: null,
    reason: null,
    recordedBy: null,
    at: new Date('2025-09-01T09:00:00Z'),
  });
  return id;
};
