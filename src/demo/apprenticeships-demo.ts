import type { Kysely } from 'kysely';
import type { BreakInLearning } from '../domain/apprenticeships/calendar.ts';
import { accounts } from '../store/accounts.ts';
import { enrolments } from '../store/apprenticeships/enrolments.ts';
import { type AuditEvent, audit } from '../store/audit.ts';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';
import { demoDates } from './apprenticeships/demo-calendar.ts';

/**
 * The demo's apprenticeships: a training provider, Northfield Teaching Apprenticeships (its own
 * tenant), with an assessor login, and four Riverside staff enrolled with it — Chloe Davies on the
 * Level 5 Specialist teaching assistant standard (SEND option), Fatima Khan on the same standard's
 * social and emotional well-being option, Daniel Hughes on the Associate Teacher apprenticeship with
 * its integrated Foundation Degree, and Amy Clarke on the legacy FR04171 Advanced pathway, back from
 * a long break in learning. Dates come from the clock (./apprenticeships/demo-calendar.ts).
 */

export const DEMO_PROVIDER_NAME = 'Northfield Teaching Apprenticeships';
export const DEMO_ASSESSOR = { given: 'Sam', family: 'Okafor', email: 'sam.okafor@northfield-demo.example' } as const;

/** The demo people enrolled, by their key in the demo's staff list. */
export const DEMO_APPRENTICE_KEYS = ['chloe', 'fatima', 'daniel', 'amy'] as const;
export type DemoApprenticeKey = (typeof DEMO_APPRENTICE_KEYS)[number];

type Enrolled = {
  key: DemoApprenticeKey;
  programme: string;
  option: string | null;
  start: string;
  end: string;
  hours: number;
  age: number;
  breakFrom?: string;
  breakTo?: string;
};

const enrolledOn = (today: string): Enrolled[] => {
  const dates = demoDates(today);
  return [
    { key: 'chloe', programme: 'ST1414', option: 'SEND', start: dates.chloe.start, end: dates.chloe.plannedEnd, hours: 32.5, age: 27 },
    { key: 'fatima', programme: 'ST1414', option: 'SEW', start: dates.fatima.start, end: dates.fatima.plannedEnd, hours: 30, age: 34 },
    {
      key: 'daniel',
      programme: 'AT.APPRENTICESHIP',
      option: null,
      start: dates.daniel.start,
      end: dates.daniel.plannedEnd,
      hours: 32.5,
      age: 31,
    },
    // Frameworks closed to new starts in July 2020: Amy started just before and is finishing after a break.
    {
      key: 'amy',
      programme: 'FR04171.ADVANCED',
      option: null,
      start: dates.amy.start,
      end: dates.amy.plannedEnd,
      hours: 27.5,
      age: 19,
      breakFrom: dates.amy.breakFrom,
      breakTo: dates.amy.breakTo,
    },
  ];
};

/** A demo enrolment as the rest of the demo builds on it. */
export type DemoEnrolment = {
  id: string;
  key: DemoApprenticeKey;
  personId: string;
  schoolId: string;
  programme: string;
  optionCode: string | null;
  startDate: string;
  plannedEndDate: string;
  contractedHoursPerWeek: number;
  breaks: BreakInLearning[];
};

export type DemoApprenticeships = { providerId: string; assessorUserId: string; enrolments: DemoEnrolment[] };

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
export const seedDemoApprenticeships = async (db: Kysely<Tables>, input: ApprenticeshipDemoInput): Promise<DemoApprenticeships> => {
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
  const seeded: DemoEnrolment[] = [];
  for (const e of enrolledOn(now.toISOString().slice(0, 10))) {
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
    seeded.push({
      id,
      key: e.key,
      personId: person.personId,
      schoolId: person.schoolId,
      programme: e.programme,
      optionCode: e.option,
      startDate: e.start,
      plannedEndDate: e.end,
      contractedHoursPerWeek: e.hours,
      breaks: e.breakFrom && e.breakTo ? [{ from: e.breakFrom, to: e.breakTo }] : [],
    });
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
  return { providerId, assessorUserId: assessorId, enrolments: seeded };
};
