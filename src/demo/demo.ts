import type { Kysely } from 'kysely';
import type { Catalogue } from '../framework/catalogue.ts';
import { accounts } from '../store/accounts.ts';
import { type AuditEvent, audit } from '../store/audit.ts';
import type { FileStore } from '../store/file-store.ts';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { AccountRole, Tables } from '../store/tables.ts';
import { holdTransactionLock } from '../store/transaction-locks.ts';
import { cheapPasswordCost, hashPassword, type PasswordCost } from '../usecases/auth/passwords.ts';
import { seedDemoApprenticeshipActivity } from './apprenticeships/activity-demo.ts';
import { DEMO_ASSESSOR, DEMO_PROVIDER_NAME, seedDemoApprenticeships } from './apprenticeships-demo.ts';
import { DEMO_COORDINATOR, DEMO_PARTNERSHIP_NAME, seedDemoPartnership } from './partnerships-demo.ts';
import { seedDemoPortfolio } from './portfolio/portfolio-demo.ts';

/** The password of every demo account. A demo instance is not for real data. */
export const DEMO_PASSWORD = 'pathways-demo';
export const DEMO_TRUST_NAME = 'Riverside Learning Trust (demo)';

export type DemoLogin = {
  email: string;
  password: string;
  role: AccountRole;
  /** True for the school admin who is the school's headteacher (who may award HLTA status). */
  headteacher: boolean;
  name: string;
  organisation: string;
};
export type DemoResult = { created: boolean; logins: DemoLogin[] };

export const DEMO_PASSWORD_COST: PasswordCost = cheapPasswordCost;

type StaffSeed = {
  key: string;
  school: 'primary' | 'secondary' | 'trust';
  given: string;
  family: string;
  jobTitle: string;
  gradedRole: string | null;
  manager?: string;
  account?: AccountRole;
  /** The account's role assignment is marked as the school's headteacher. */
  headteacher?: boolean;
};

/** The demo trust's staff: graded roles from the NJC profiles, and teachers (no graded role) as line managers. */
const STAFF: readonly StaffSeed[] = [
  { key: 'olivia', school: 'trust', given: 'Olivia', family: 'Grant', jobTitle: 'Trust HR lead', gradedRole: null, account: 'trust_admin' },
  {
    key: 'hannah',
    school: 'secondary',
    given: 'Hannah',
    family: 'Lee',
    jobTitle: 'School business manager',
    gradedRole: null,
    account: 'school_admin',
  },
  {
    key: 'priya',
    school: 'primary',
    given: 'Priya',
    family: 'Shah',
    jobTitle: 'Year 3 class teacher',
    gradedRole: null,
    account: 'line_manager',
  },
  {
    key: 'sarah',
    school: 'primary',
    given: 'Sarah',
    family: 'Bennett',
    jobTitle: 'Headteacher',
    gradedRole: null,
    account: 'school_admin',
    headteacher: true,
  },
  {
    key: 'amy',
    school: 'primary',
    given: 'Amy',
    family: 'Clarke',
    jobTitle: 'Teaching assistant',
    gradedRole: 'TA2',
    manager: 'priya',
    account: 'staff',
  },
  {
    key: 'ben',
    school: 'primary',
    given: 'Ben',
    family: 'Okafor',
    jobTitle: 'Teaching assistant (apprentice)',
    gradedRole: 'TA1',
    manager: 'priya',
  },
  {
    key: 'chloe',
    school: 'primary',
    given: 'Chloe',
    family: 'Davies',
    jobTitle: 'Teaching assistant',
    gradedRole: 'TA3',
    manager: 'priya',
    account: 'staff',
  },
  {
    key: 'daniel',
    school: 'primary',
    given: 'Daniel',
    family: 'Hughes',
    jobTitle: 'Higher level teaching assistant',
    gradedRole: 'TA5',
    manager: 'priya',
    account: 'staff',
  },
  { key: 'mark', school: 'secondary', given: 'Mark', family: 'Evans', jobTitle: 'SENCo', gradedRole: null },
  {
    key: 'fatima',
    school: 'secondary',
    given: 'Fatima',
    family: 'Khan',
    jobTitle: 'Senior teaching assistant',
    gradedRole: 'TA4',
    manager: 'mark',
    account: 'staff',
  },
  {
    key: 'ellie',
    school: 'secondary',
    given: 'Ellie',
    family: 'Morgan',
    jobTitle: 'Additional support needs assistant',
    gradedRole: 'ASNA2',
    manager: 'mark',
  },
  {
    key: 'george',
    school: 'secondary',
    given: 'George',
    family: 'Wilson',
    jobTitle: 'Additional support needs assistant',
    gradedRole: 'ASNA1',
    manager: 'mark',
  },
];

const emailOf = (seed: StaffSeed) => `${seed.given}.${seed.family}@riverside-demo.example`.toLowerCase();

const ORGANISATION_NAMES = { trust: DEMO_TRUST_NAME, primary: 'Riverside Primary School', secondary: 'Riverside Academy' } as const;

/** The logins of the demo accounts, for the banner printed at start. */
export const demoLogins = (): DemoLogin[] => [
  ...STAFF.filter((s) => s.account).map((s) => ({
    email: emailOf(s),
    password: DEMO_PASSWORD,
    role: s.account ?? 'staff',
    headteacher: s.headteacher === true,
    name: `${s.given} ${s.family}`,
    organisation: ORGANISATION_NAMES[s.school],
  })),
  // The training provider's assessor (src/demo/apprenticeships-demo.ts).
  {
    email: DEMO_ASSESSOR.email,
    password: DEMO_PASSWORD,
    role: 'assessor',
    headteacher: false,
    name: `${DEMO_ASSESSOR.given} ${DEMO_ASSESSOR.family}`,
    organisation: DEMO_PROVIDER_NAME,
  },
  // The partnership coordinator (src/demo/partnerships-demo.ts).
  {
    email: DEMO_COORDINATOR.email,
    password: DEMO_PASSWORD,
    role: 'partnership_coordinator',
    headteacher: false,
    name: `${DEMO_COORDINATOR.given} ${DEMO_COORDINATOR.family}`,
    organisation: DEMO_PARTNERSHIP_NAME,
  },
];

/** The demo people in the parts they play in the portfolio demo. */
const portfolioPeople = (personIds: Map<string, string>, userIds: Map<string, string>) => {
  const person = (key: string) => {
    const seed = STAFF.find((s) => s.key === key);
    return { personId: personIds.get(key) ?? '', name: seed ? `${seed.given} ${seed.family}` : key, userId: userIds.get(key) ?? '' };
  };
  return {
    everyone: STAFF.map((s) => person(s.key)),
    staff: person('amy'),
    lineManager: person('priya'),
    administrator: person('olivia'),
    assistants: ['amy', 'chloe', 'daniel', 'fatima'].map(person),
  };
};

export type EnsureDemoDataInput = {
  db: Kysely<Tables>;
  clock: () => Date;
  auditKey: Uint8Array;
  newId?: () => string;
  passwordCost?: PasswordCost;
  /**
   * With these, the demo staff get portfolios too (achievements, evidence, CPD, reviews, training),
   * and the apprenticeships their off-the-job logs, KSB evidence, progress reviews and the Associate
   * Teacher's degree and supervision.
   */
  portfolio?: { catalogue: Catalogue; files: FileStore };
};

const DEMO_LOCK_KEY = 7_261_123;

/**
 * On an empty database (no organisations), creates the demo trust with a primary and a secondary
 * school in England, a handful of staff with graded roles, one account per kind of user and the
 * apprentices' own (src/demo/apprenticeships-demo.ts), in one transaction, with an audit event for
 * each thing created. On any other database it creates nothing. Returns the demo logins when demo
 * accounts exist.
 */
export const ensureDemoData = async ({
  db,
  clock,
  auditKey,
  newId = () => crypto.randomUUID(),
  passwordCost = DEMO_PASSWORD_COST,
  portfolio,
}: EnsureDemoDataInput): Promise<DemoResult> => {
  const passwordHashes = await Promise.all(
    [...STAFF.filter((s) => s.account), null, null].map(() => hashPassword(DEMO_PASSWORD, passwordCost)),
  );
  const created = await db.transaction().execute(async (trx) => {
    await holdTransactionLock(trx, DEMO_LOCK_KEY);
    if (await organisations(trx).any()) return false;
    const now = clock();
    const trustId = newId();
    const events: AuditEvent[] = [];
    const actor = 'system:demo';
    const orgIds = { trust: trustId, primary: newId(), secondary: newId() };
    const orgs = organisations(trx);
    await orgs.insert({
      id: trustId,
      trust_id: trustId,
      kind: 'trust',
      name: DEMO_TRUST_NAME,
      phase: null,
      nation: 'England',
      urn: null,
      parent_id: null,
      created_at: now,
    });
    await orgs.insert({
      id: orgIds.primary,
      trust_id: trustId,
      kind: 'school',
      name: ORGANISATION_NAMES.primary,
      phase: 'primary',
      nation: 'England',
      urn: null,
      parent_id: trustId,
      created_at: now,
    });
    await orgs.insert({
      id: orgIds.secondary,
      trust_id: trustId,
      kind: 'school',
      name: ORGANISATION_NAMES.secondary,
      phase: 'secondary',
      nation: 'England',
      urn: null,
      parent_id: trustId,
      created_at: now,
    });
    for (const key of ['trust', 'primary', 'secondary'] as const) {
      events.push({
        trustId,
        actor,
        action: 'organisation.created',
        entity: 'organisation',
        entityId: orgIds[key],
        data: { name: ORGANISATION_NAMES[key], demo: true },
        occurredAt: now,
      });
    }

    const personIds = new Map(STAFF.map((s) => [s.key, newId()]));
    const staff = people(trx);
    const users = accounts(trx);
    let hashIndex = 0;
    // Managers first, so line_manager_id always points at an existing person.
    const ordered = [...STAFF].sort((a, b) => Number(Boolean(a.manager)) - Number(Boolean(b.manager)));
    for (const [index, seed] of ordered.entries()) {
      const personId = personIds.get(seed.key) ?? newId();
      await staff.insert({
        id: personId,
        trust_id: trustId,
        organisation_id: orgIds[seed.school],
        given_name: seed.given,
        family_name: seed.family,
        work_email: emailOf(seed),
        staff_code: `DEMO${String(index + 1).padStart(3, '0')}`,
        graded_role: seed.gradedRole,
        job_title: seed.jobTitle,
        line_manager_id: seed.manager ? (personIds.get(seed.manager) ?? null) : null,
        left_on: null,
        created_at: now,
      });
      events.push({
        trustId,
        actor,
        action: 'person.created',
        entity: 'person',
        entityId: personId,
        data: { gradedRole: seed.gradedRole, demo: true },
        occurredAt: now,
      });
    }
    const userIds = new Map<string, string>();
    for (const seed of STAFF.filter((s) => s.account)) {
      const userId = newId();
      userIds.set(seed.key, userId);
      const role = seed.account ?? 'staff';
      await users.insert({
        id: userId,
        trust_id: trustId,
        person_id: personIds.get(seed.key) ?? null,
        email: emailOf(seed),
        password_hash: passwordHashes[hashIndex++] ?? '',
        is_demo: true,
        disabled_at: null,
        created_at: now,
      });
      await users.assignRole({
        id: newId(),
        trust_id: trustId,
        user_id: userId,
        role,
        organisation_id: orgIds[seed.school],
        headteacher: seed.headteacher === true,
      });
      events.push({
        trustId,
        actor,
        action: 'account.created',
        entity: 'user_account',
        entityId: userId,
        data: { email: emailOf(seed), role, demo: true },
        occurredAt: now,
      });
    }
    await audit(trx, auditKey).record(...events);
    const apprenticeships = await seedDemoApprenticeships(trx, {
      trustId,
      clock,
      auditKey,
      newId,
      passwordHash: passwordHashes[hashIndex++] ?? '',
      people: new Map(STAFF.map((s) => [s.key, { personId: personIds.get(s.key) ?? '', schoolId: orgIds[s.school] }])),
    });
    await seedDemoPartnership(trx, {
      trustId,
      clock,
      auditKey,
      newId,
      passwordHash: passwordHashes[hashIndex++] ?? '',
      schools: orgIds,
      teachers: { priya: personIds.get('priya') ?? '', mark: personIds.get('mark') ?? '' },
    });
    if (portfolio) {
      await seedDemoPortfolio(trx, { trustId, clock, auditKey, ...portfolio, ...portfolioPeople(personIds, userIds) });
      const user = (key: string) => userIds.get(key) ?? '';
      await seedDemoApprenticeshipActivity(trx, {
        trustId,
        clock,
        auditKey,
        newId,
        catalogue: portfolio.catalogue,
        apprenticeships,
        users: {
          chloe: user('chloe'),
          fatima: user('fatima'),
          daniel: user('daniel'),
          amy: user('amy'),
          priya: user('priya'),
          hannah: user('hannah'),
          sarah: user('sarah'),
        },
        supervisee: { personId: personIds.get('chloe') ?? '', name: 'Chloe Davies' },
      });
    }
    return true;
  });
  const hasDemoAccounts = created || (await accounts(db).countDemo()) > 0;
  return { created, logins: hasDemoAccounts ? demoLogins() : [] };
};
