import { defaultTrainingKinds } from '../../domain/training/default-training-kinds.ts';
import { addDays } from '../../domain/training/expiry.ts';
import { type DemoProvider, enrolmentOf } from './apprenticeships.ts';
import type { WorkforceCatalogue } from './catalogue-view.ts';
import { idOf } from './ids.ts';
import { FAMILY_NAMES, GIVEN_NAMES, PLACES } from './names.ts';
import { portfolioOf } from './portfolio.ts';
import type { WorkforceProportions } from './proportions.ts';
import { randomFor } from './random.ts';
import { emptyChunk, type PersonRow, type TrainingKindRow, type WorkforceChunk, type WorkforceTable } from './rows.ts';
import { apportion, type PlannedSchool, planSchools, shuffle } from './schools.ts';
import { trainingOf } from './training.ts';

export type WorkforceScale = 'school' | 'trust';

export type WorkforceInput = {
  scale: WorkforceScale;
  seed: number;
  proportions: WorkforceProportions;
  catalogue: WorkforceCatalogue;
  /** Today (`YYYY-MM-DD`) and now, passed in: the generator reads no clock. */
  today: string;
  now: Date;
  /** The password hash of the demo logins (hashing is slow and not pure, so the caller does it once). */
  passwordHash: string;
};

export type WorkforceLogin = {
  email: string;
  role: 'trust_admin' | 'school_admin' | 'line_manager' | 'staff' | 'assessor';
  organisation: string;
};

/** What the generation will create, known before any row is generated. */
export type WorkforcePlan = {
  trustId: string;
  trustName: string;
  /** The demo training provider (its own tenant) the trust's apprentices are enrolled with. */
  provider: { id: string; name: string };
  schools: (PlannedSchool & { id: string; name: string })[];
  staff: number;
  logins: WorkforceLogin[];
};

const PHASE_NAMES: Record<string, string> = {
  primary: 'Primary School',
  secondary: 'Academy',
  special: 'Special School',
  'all-through': 'All-through School',
};
const DISTINGUISHERS = ['', ' North', ' South', ' East', ' West', ' Park', ' Green', ' Vale'];
const MANAGER_TITLES = ['Class teacher', 'SENCo', 'Phase leader', 'Head of year', 'Assistant headteacher', 'Inclusion lead'];

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const domainOf = (trustName: string, seed: number) => `${slugOf(trustName.replace(/\(.*\)/, ''))}-${seed}.example`;

/** The trust, its schools and its demo logins for a scale and seed. */
export const planWorkforce = (input: Pick<WorkforceInput, 'scale' | 'seed' | 'proportions'>): WorkforcePlan => {
  const scale = input.proportions.scales[input.scale];
  const random = randomFor(input.seed, 'trust');
  const place = random.int(0, PLACES.length - 1);
  const trustName = `${PLACES[place]} Learning Trust (generated, seed ${input.seed})`;
  // One person works for the trust itself (its HR lead); the schools share the rest.
  const schools = planSchools(input.proportions, { ...scale, staff: scale.staff - 1 }, random).map((school) => {
    const placeName = PLACES[(place + 1 + school.index) % PLACES.length];
    const distinguisher = DISTINGUISHERS[Math.floor(school.index / PLACES.length) % DISTINGUISHERS.length];
    return {
      ...school,
      id: idOf(input.seed, 'organisations', school.index + 1),
      name: `${placeName}${distinguisher} ${PHASE_NAMES[school.phase] ?? 'School'}`,
    };
  });
  const domain = domainOf(trustName, input.seed);
  const first = schools[0]?.name ?? trustName;
  const providerName = `${PLACES[(place + 7) % PLACES.length]} Training Partnership (generated, seed ${input.seed})`;
  return {
    trustId: idOf(input.seed, 'organisations', 0),
    trustName,
    provider: { id: idOf(input.seed, 'organisations', schools.length + 1), name: providerName },
    schools,
    staff: scale.staff,
    logins: [
      { email: `trust.admin@${domain}`, role: 'trust_admin', organisation: trustName },
      { email: `school.admin@${domain}`, role: 'school_admin', organisation: first },
      { email: `line.manager@${domain}`, role: 'line_manager', organisation: first },
      { email: `staff@${domain}`, role: 'staff', organisation: first },
      { email: `assessor@${domain}`, role: 'assessor', organisation: providerName },
    ],
  };
};

/**
 * The generated workforce as a stream of chunks: first the trust (its organisations, HR lead and
 * training kinds), then one chunk per school with its staff and their portfolios. Pure and
 * deterministic: the same input yields the same rows; only one school's rows are in memory at a time.
 */
export function* generateWorkforce(input: WorkforceInput, plan: WorkforcePlan = planWorkforce(input)): Generator<WorkforceChunk> {
  const { seed, proportions, catalogue, now, today } = input;
  const counters = new Map<WorkforceTable, number>();
  const nextId = (table: WorkforceTable) => {
    const n = (counters.get(table) ?? 0) + 1;
    counters.set(table, n);
    return idOf(seed, table, n);
  };
  // Organisation ids are the plan's (0: the trust, then each school, then the provider), so the counter starts after them.
  counters.set('organisations', plan.schools.length + 1);
  const trustId = plan.trustId;
  const domain = plan.logins[0]?.email.split('@')[1] ?? 'generated.example';
  const loginEmail = (role: WorkforceLogin['role']) => plan.logins.find((l) => l.role === role)?.email;
  let staffNumber = 0;
  const personRow = (
    organisationId: string,
    random: ReturnType<typeof randomFor>,
    fields: Pick<PersonRow, 'graded_role' | 'job_title' | 'line_manager_id'>,
    email?: string,
  ): PersonRow => {
    staffNumber++;
    const given = random.pick(GIVEN_NAMES);
    const family = random.pick(FAMILY_NAMES);
    return {
      id: nextId('people'),
      trust_id: trustId,
      organisation_id: organisationId,
      given_name: given,
      family_name: family,
      work_email: email ?? `${slugOf(given)}.${slugOf(family)}.${staffNumber}@${domain}`,
      staff_code: `G${String(staffNumber).padStart(6, '0')}`,
      ...fields,
      hours_per_week: fields.graded_role ? random.pick([18.5, 25, 27.5, 30, 32.5]) : 32.5,
      weeks_per_year: 39,
      start_date: addDays(today, -random.int(30, 7300)),
      created_at: now,
      updated_at: now,
    };
  };
  const accountOf = (chunk: WorkforceChunk, person: PersonRow, login: boolean): string => {
    const id = nextId('user_accounts');
    chunk.rows.user_accounts.push({
      id,
      trust_id: trustId,
      person_id: person.id,
      email: person.work_email,
      password_hash: login ? input.passwordHash : null,
      is_demo: true,
      created_at: now,
    });
    return id;
  };
  const assign = (chunk: WorkforceChunk, userId: string, role: WorkforceLogin['role'], organisationId: string, headteacher = false) =>
    chunk.rows.role_assignments.push({
      id: nextId('role_assignments'),
      trust_id: trustId,
      user_id: userId,
      role,
      organisation_id: organisationId,
      headteacher,
    });

  // The trust: its organisations, its HR lead and the training kinds every school shares.
  const trustChunk = emptyChunk(plan.trustName);
  trustChunk.rows.organisations.push({
    id: trustId,
    trust_id: trustId,
    kind: 'trust',
    name: plan.trustName,
    phase: null,
    nation: plan.schools[0]?.nation ?? proportions.nations.singleSchool,
    urn: null,
    parent_id: null,
    created_at: now,
  });
  for (const school of plan.schools) {
    trustChunk.rows.organisations.push({
      id: school.id,
      trust_id: trustId,
      kind: 'school',
      name: school.name,
      phase: school.phase,
      nation: school.nation,
      urn: String(900_000 + school.index),
      parent_id: trustId,
      created_at: now,
    });
  }
  // The training provider is its own tenant (its trust id is its own id), with one assessor and no staff records.
  trustChunk.rows.organisations.push({
    id: plan.provider.id,
    trust_id: plan.provider.id,
    kind: 'provider',
    name: plan.provider.name,
    phase: null,
    nation: 'England',
    urn: null,
    parent_id: null,
    created_at: now,
  });
  const assessorUserId = nextId('user_accounts');
  trustChunk.rows.user_accounts.push({
    id: assessorUserId,
    trust_id: plan.provider.id,
    person_id: null,
    email: loginEmail('assessor') ?? `assessor@${domain}`,
    password_hash: input.passwordHash,
    is_demo: true,
    created_at: now,
  });
  trustChunk.rows.role_assignments.push({
    id: nextId('role_assignments'),
    trust_id: plan.provider.id,
    user_id: assessorUserId,
    role: 'assessor',
    organisation_id: plan.provider.id,
    headteacher: false,
  });
  const provider: DemoProvider = { id: plan.provider.id, assessorUserId };
  const lead = personRow(
    trustId,
    randomFor(seed, 'person:trust'),
    { graded_role: null, job_title: 'Trust HR lead', line_manager_id: null },
    loginEmail('trust_admin'),
  );
  trustChunk.rows.people.push(lead);
  assign(trustChunk, accountOf(trustChunk, lead, true), 'trust_admin', trustId);
  const trainingKinds: TrainingKindRow[] = defaultTrainingKinds.map((kind, position) => ({
    id: nextId('training_kinds'),
    trust_id: trustId,
    code: kind.code,
    title: kind.title,
    validity_months: kind.validityMonths,
    applies_to: kind.appliesTo,
    position,
  }));
  trustChunk.rows.training_kinds.push(...trainingKinds);
  yield trustChunk;

  const days = new Map<number, string>();
  const day = (offset: number) => {
    let date = days.get(offset);
    if (date === undefined) {
      date = addDays(today, offset);
      days.set(offset, date);
    }
    return date;
  };
  const context = { proportions, catalogue, trainingKinds, today, now, day, nextId };
  for (const school of plan.schools) {
    const chunk = emptyChunk(school.name);
    const random = randomFor(seed, `school:${school.index}`);
    const first = school.index === 0;
    const teamSize = proportions.lineManagement.teamSize;
    const managers = Math.max(1, Math.ceil((school.staff - 1) / (teamSize + 1)));
    const support = Math.max(0, school.staff - 1 - managers);
    const table = proportions.roles.byPhase[school.phase] ?? 'mainstream';
    const roles = shuffle(
      random,
      [...apportion(proportions.roles[table], support)].flatMap(([role, n]) => Array.from({ length: n }, () => role)),
    );

    const head = personRow(
      school.id,
      randomFor(seed, `person:${school.index}:head`),
      {
        graded_role: null,
        job_title: 'Headteacher',
        line_manager_id: null,
      },
      first ? loginEmail('school_admin') : undefined,
    );
    chunk.rows.people.push(head);
    const headUser = accountOf(chunk, head, first);
    assign(chunk, headUser, 'school_admin', school.id, true);
    trainingOf(chunk, randomFor(seed, `training:${head.id}`), { trustId, personId: head.id, recordedBy: headUser }, context);

    const managerUsers: { person: PersonRow; userId: string }[] = [];
    for (let m = 0; m < managers; m++) {
      const who = randomFor(seed, `person:${school.index}:manager:${m}`);
      const manager = personRow(
        school.id,
        who,
        { graded_role: null, job_title: who.pick(MANAGER_TITLES), line_manager_id: null },
        first && m === 0 ? loginEmail('line_manager') : undefined,
      );
      chunk.rows.people.push(manager);
      const userId = accountOf(chunk, manager, first && m === 0);
      assign(chunk, userId, 'line_manager', school.id);
      trainingOf(chunk, randomFor(seed, `training:${manager.id}`), { trustId, personId: manager.id, recordedBy: headUser }, context);
      managerUsers.push({ person: manager, userId });
    }

    for (const [n, role] of roles.entries()) {
      const who = randomFor(seed, `person:${school.index}:staff:${n}`);
      const manager = managerUsers[n % managerUsers.length] ?? managerUsers[0];
      if (!manager) break;
      const apprentice = who.chance(proportions.apprentices.roles[role] ?? 0);
      const title = catalogue.roles.get(role)?.title ?? role;
      const login = first && n === 0;
      const person = personRow(
        school.id,
        who,
        {
          graded_role: role,
          job_title: apprentice ? `${title} (apprentice)` : title,
          line_manager_id: manager.person.id,
        },
        login ? loginEmail('staff') : undefined,
      );
      chunk.rows.people.push(person);
      const userId = accountOf(chunk, person, login);
      assign(chunk, userId, 'staff', school.id);
      const portfolioPerson = {
        trustId,
        personId: person.id,
        userId,
        gradedRole: role,
        nation: school.nation,
        managerUserId: manager.userId,
        headteacherUserId: headUser,
      };
      portfolioOf(chunk, who, portfolioPerson, context);
      enrolmentOf(chunk, who, { ...portfolioPerson, employerId: school.id, hoursPerWeek: person.hours_per_week }, provider, context);
    }
    yield chunk;
  }
}
