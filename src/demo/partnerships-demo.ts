import type { Kysely } from 'kysely';
import type { PatternSlot } from '../domain/partnerships/work-pattern.ts';
import { accounts } from '../store/accounts.ts';
import { type AuditEvent, audit } from '../store/audit.ts';
import { deployments } from '../store/partnerships/deployments.ts';
import { engagements } from '../store/partnerships/engagements.ts';
import { partnerOrganisations } from '../store/partnerships/partners.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';
import { demoEngagements } from './partnerships-demo-engagements.ts';

/**
 * The demo trust's partnership teaching (issue 12): a cross-sector partnership of the trust's two
 * schools with an independent prep school, a primary outside the trust and a college; a coordinator
 * with a demo login; three deployed teachers with weekly patterns; and two terms of engagements.
 */
export const DEMO_PARTNERSHIP_NAME = 'Riverside Schools Partnership (demo)';
/** Audit events of the partnership demo beyond its people and account: 5 partners, 3 deployments, 11 engagements. */
export const DEMO_PARTNERSHIP_EVENTS = 5 + 3 + 11;
export const DEMO_COORDINATOR = { given: 'Rachel', family: 'Adams', email: 'rachel.adams@riverside-demo.example' } as const;

export type PartnershipDemoInput = {
  trustId: string;
  clock: () => Date;
  auditKey: Uint8Array;
  newId: () => string;
  passwordHash: string;
  schools: { trust: string; primary: string; secondary: string };
  /** The demo teachers deployed: the primary's Year 3 teacher and the secondary's SENCo. */
  teachers: { priya: string; mark: string };
};

export const seedDemoPartnership = async (db: Kysely<Tables>, input: PartnershipDemoInput): Promise<void> => {
  const { trustId, newId } = input;
  const now = input.clock();
  // Dates relative to the clock, so the demo always holds this term's work and the work of two terms ago.
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const actor = 'system:demo';
  const events: AuditEvent[] = [];
  const partnershipId = newId();
  await db.insertInto('partnerships').values({ id: partnershipId, name: DEMO_PARTNERSHIP_NAME }).execute();

  // The coordinator: a person at the trust with a partnership_coordinator account.
  const coordinatorPersonId = newId();
  await people(db).insert({
    id: coordinatorPersonId,
    trust_id: trustId,
    organisation_id: input.schools.trust,
    given_name: DEMO_COORDINATOR.given,
    family_name: DEMO_COORDINATOR.family,
    work_email: DEMO_COORDINATOR.email,
    staff_code: 'DEMO-PC1',
    graded_role: null,
    job_title: 'Partnership coordinator',
    line_manager_id: null,
    left_on: null,
  });
  events.push({
    trustId,
    actor,
    action: 'person.created',
    entity: 'person',
    entityId: coordinatorPersonId,
    data: { gradedRole: null, demo: true },
    occurredAt: now,
  });
  const coordinatorId = newId();
  await accounts(db).insert({
    id: coordinatorId,
    trust_id: trustId,
    person_id: coordinatorPersonId,
    email: DEMO_COORDINATOR.email,
    password_hash: input.passwordHash,
    is_demo: true,
  });
  await accounts(db).assignRole({
    id: newId(),
    trust_id: trustId,
    user_id: coordinatorId,
    role: 'partnership_coordinator',
    organisation_id: input.schools.trust,
  });
  await db.insertInto('partnership_coordinators').values({ partnership_id: partnershipId, user_id: coordinatorId }).execute();
  events.push({
    trustId,
    actor,
    action: 'account.created',
    entity: 'user_account',
    entityId: coordinatorId,
    data: { email: DEMO_COORDINATOR.email, role: 'partnership_coordinator', demo: true },
    occurredAt: now,
  });

  // A third teacher: the secondary's head of science, deployed as an enricher and a digitiser.
  const laura = newId();
  await people(db).insert({
    id: laura,
    trust_id: trustId,
    organisation_id: input.schools.secondary,
    given_name: 'Laura',
    family_name: 'Fisher',
    work_email: 'laura.fisher@riverside-demo.example',
    staff_code: 'DEMO-PT1',
    graded_role: null,
    job_title: 'Head of science',
    line_manager_id: null,
    left_on: null,
  });

  events.push({
    trustId,
    actor,
    action: 'person.created',
    entity: 'person',
    entityId: laura,
    data: { gradedRole: null, demo: true },
    occurredAt: now,
  });

  const partners = partnerOrganisations(db);
  const partner = async (p: {
    name: string;
    phase: string;
    sector: 'state' | 'independent' | 'further_education';
    organisationId?: string;
    postcodeArea?: string;
  }) => {
    const id = newId();
    await partners.insert({
      id,
      partnershipId,
      organisationId: p.organisationId ?? null,
      name: p.name,
      phase: p.phase,
      sector: p.sector,
      postcodeArea: p.postcodeArea ?? null,
    });
    events.push({
      trustId,
      actor,
      action: 'partner.added',
      entity: 'partnership',
      entityId: partnershipId,
      data: { partnerId: id, before: null, after: { name: p.name }, demo: true },
      occurredAt: now,
    });
    return id;
  };
  const primary = await partner({
    name: 'Riverside Primary School',
    phase: 'primary',
    sector: 'state',
    organisationId: input.schools.primary,
    postcodeArea: 'BS',
  });
  const academy = await partner({
    name: 'Riverside Academy',
    phase: 'secondary',
    sector: 'state',
    organisationId: input.schools.secondary,
    postcodeArea: 'BS',
  });
  const prep = await partner({ name: 'St Aldhelm’s Preparatory School', phase: 'primary', sector: 'independent', postcodeArea: 'BA' });
  const meadow = await partner({ name: 'Meadow Lane Primary School', phase: 'primary', sector: 'state', postcodeArea: 'BS' });
  const college = await partner({ name: 'Riverside College', phase: 'FE', sector: 'further_education', postcodeArea: 'BS' });

  const deploy = async (d: {
    personId: string;
    name: string;
    kinds: string[];
    home: string;
    hosts: string[];
    share: { unit: 'fte' | 'hours_per_week'; value: number };
    objectives: string;
    pattern: [number, 'morning' | 'afternoon', string][];
  }) => {
    const id = newId();
    await deployments(db).insert({
      id,
      partnershipId,
      personId: d.personId,
      kinds: d.kinds,
      homePartnerId: d.home,
      hostPartnerIds: d.hosts,
      share: d.share,
      startsOn: '2026-04-13',
      endsOn: '2027-07-23',
      objectives: d.objectives,
    });
    const pattern: PatternSlot[] = d.pattern.map(([weekday, session, partnerId]) => ({
      weekday: weekday as PatternSlot['weekday'],
      session,
      partnerId,
    }));
    await deployments(db).replacePattern(id, pattern);
    events.push({
      trustId,
      actor,
      action: 'deployment.created',
      entity: 'person',
      entityId: d.personId,
      data: { partnershipId, deploymentId: id, before: null, after: { teacher: d.name }, demo: true },
      occurredAt: now,
    });
    return id;
  };
  const priya = await deploy({
    personId: input.teachers.priya,
    name: 'Priya Shah',
    kinds: ['PT.animateur', 'PT.pedagogue'],
    home: primary,
    hosts: [prep, meadow],
    share: { unit: 'fte', value: 0.2 },
    objectives: 'Science workshops for Years 3 to 6 across the partnership; coaching for trainee and early-career teachers.',
    pattern: [
      [1, 'morning', primary],
      [2, 'afternoon', prep],
      [4, 'afternoon', meadow],
    ],
  });
  const mark = await deploy({
    personId: input.teachers.mark,
    name: 'Mark Evans',
    kinds: ['PT.subject-specialist', 'PT.governor'],
    home: academy,
    hosts: [meadow, prep],
    share: { unit: 'hours_per_week', value: 3.25 },
    objectives: 'Support SEND provision at Meadow Lane; governor at St Aldhelm’s.',
    pattern: [[3, 'morning', meadow]],
  });
  const lauraDeployment = await deploy({
    personId: laura,
    name: 'Laura Fisher',
    kinds: ['PT.enricher', 'PT.digitiser'],
    home: academy,
    hosts: [college, prep],
    share: { unit: 'fte', value: 0.1 },
    objectives: 'Practical science enrichment for Year 10 and 11; digital practical guides shared across the partnership.',
    pattern: [[5, 'afternoon', college]],
  });

  const items = demoEngagements({
    partnershipId,
    newId,
    daysAgo,
    deployments: { priya, mark, laura: lauraDeployment },
    hosts: { prep, meadow, college },
  });
  await engagements(db).insertMany(items, actor);
  for (const e of items)
    events.push({
      trustId,
      actor,
      action: 'engagement.recorded',
      entity: 'engagement',
      entityId: e.id,
      data: { partnershipId, engagementId: e.id, demo: true },
      occurredAt: now,
    });
  await audit(db, input.auditKey).record(...events);
};
