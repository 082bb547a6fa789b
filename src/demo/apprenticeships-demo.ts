import type { Kysely } from 'kysely';
import { accounts } from '../store/accounts.ts';
import { enrolments } from '../store/apprenticeships/enrolments.ts';
import { type AuditEvent, audit } from '../store/audit.ts';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';

/**
 * The demo's apprenticeships: a training provider, Northfield Teaching Apprenticeships (its own
 * tenant), with an assessor login, and three Riverside staff enrolled with it — Chloe Martin on the
 * Level 5 Specialist teaching assistant standard (SEND option), Fatima on the same standard's
 * social and emotional well-being option, and Amy on the legacy FR04171 Advanced pathway, finishing
 * after a long break in learning.
 */

export const DEMO_PROVIDER_NAME = 'Northfield Teaching Apprenticeships';
export const DEMO_ASSESSOR = { given: 'Sam', family: 'Okafor', email: 'sam.okafor@northfield-demo.example' } as const;

type Enrolled = {
  key: string;
  programme: string;
  option: string | null;
  start: string;
  end: string;
  hours: number;
  age: number;
  breakFrom?: string;
  breakTo?: string;
};

const ENROLLED: readonly Enrolled[] = [
  { key: 'chloe', programme: 'ST1414', option: 'SEND', start: '2025-09-01', end: '2027-08-31', hours: 32.5, age: 27 },
  { key: 'fatima', programme: 'ST1414', option: 'SEW', start: '2026-01-05', end: '2028-01-04', hours: 30, age: 34 },
  // Frameworks closed to new starts in July 2020: Amy started just before and is finishing after a break.
  {
    key: 'amy',
    programme: 'FR04171.ADVANCED',
    option: null,
    start: '2020-07-06',
    end: '2022-01-31',
    hours: 27.5,
    age: 19,
    breakFrom: '2021-03-01',
    breakTo: '2025-08-31',
  },
];

export type ApprenticeshipDemoInput = {
  trustId: string;
  clock: () => Date;
  auditKey: Uint8Array;
  newId: () => string;
  passwordHash: string;
  /** Demo people by key, with the school each works at. */
  people: ReadonlyMap<string, { personId: string; schoolId: string }>;
};

/** Creates the provider, its assessor and the enrolments, with their audit events, in the caller's transaction. */
export const seedDemoApprenticeships = async (db: Kysely<Tables>, input: ApprenticeshipDemoInput): Promise<void> => {
  const now = input.clock();
  const providerId = input.newId();
  const actor = 'system:demo';
  await organisations(db).insert({
    id: providerId,
    trust_id: providerId,
    kind: 'provider',
    name: DEMO_PROVIDER_NAME,
    phase: null,
    nation: 'England',
    urn: null,
    parent_id: null,
    created_at: now,
  });
  const assessorPersonId = input.newId();
  await people(db).insert({
    id: assessorPersonId,
    trust_id: providerId,
    organisation_id: providerId,
    given_name: DEMO_ASSESSOR.given,
    family_name: DEMO_ASSESSOR.family,
    work_email: DEMO_ASSESSOR.email,
    staff_code: null,
    graded_role: null,
    job_title: 'Apprenticeship assessor',
    line_manager_id: null,
    left_on: null,
    created_at: now,
  });
  const assessorId = input.newId();
  await accounts(db).insert({
    id: assessorId,
    trust_id: providerId,
    person_id: assessorPersonId,
    email: DEMO_ASSESSOR.email,
    password_hash: input.passwordHash,
    is_demo: true,
    disabled_at: null,
    created_at: now,
  });
  await accounts(db).assignRole({
    id: input.newId(),
    trust_id: providerId,
    user_id: assessorId,
    role: 'assessor',
    organisation_id: providerId,
    headteacher: false,
  });
  const providerEvents: AuditEvent[] = [
    {
      trustId: providerId,
      actor,
      action: 'organisation.created',
      entity: 'organisation',
      entityId: providerId,
      data: { name: DEMO_PROVIDER_NAME, demo: true },
      occurredAt: now,
    },
    {
      trustId: providerId,
      actor,
      action: 'person.created',
      entity: 'person',
      entityId: assessorPersonId,
      data: { gradedRole: null, demo: true },
      occurredAt: now,
    },
    {
      trustId: providerId,
      actor,
      action: 'account.created',
      entity: 'user_account',
      entityId: assessorId,
      data: { email: DEMO_ASSESSOR.email, role: 'assessor', demo: true },
      occurredAt: now,
    },
  ];
  await audit(db, input.auditKey).record(...providerEvents);

  const store = enrolments(db);
  const events: AuditEvent[] = [];
  for (const e of ENROLLED) {
    const person = input.people.get(e.key);
    if (!person) continue;
    const id = input.newId();
    await store.insert({
      id,
      trustId: input.trustId,
      personId: person.personId,
      employerId: person.schoolId,
      providerId,
      programme: e.programme,
      optionCode: e.option,
      startDate: e.start,
      plannedEndDate: e.end,
      contractedHoursPerWeek: e.hours,
      ageAtStart: e.age,
      priorLearningHours: 0,
      priorLearningItems: [],
      fixedMinimum: null,
      createdBy: null,
      at: now,
    });
    const change = (status: 'on_programme' | 'break_in_learning', from: string, to: string | null) =>
      store.insertStatusChange({
        id: input.newId(),
        trustId: input.trustId,
        enrolmentId: id,
        status,
        effectiveFrom: from,
        effectiveTo: to,
        grade: null,
        reason: status === 'break_in_learning' ? 'Maternity leave' : null,
        recordedBy: assessorId,
        at: now,
      });
    await change('on_programme', e.start, null);
    if (e.breakFrom && e.breakTo) await change('break_in_learning', e.breakFrom, e.breakTo);
    events.push({
      trustId: input.trustId,
      actor,
      action: 'enrolment.created',
      entity: 'person',
      entityId: person.personId,
      data: {
        enrolmentId: id,
        before: null,
        after: { programme: e.programme, programmeId: e.programme, optionCode: e.option, startDate: e.start },
        demo: true,
      },
      occurredAt: now,
    });
  }
  await audit(db, input.auditKey).record(...events);
};
