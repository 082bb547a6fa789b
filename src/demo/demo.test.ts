import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { diskFileStore } from '../store/file-store.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { cheapPasswordCost } from '../usecases/auth/passwords.ts';
import { DEMO_APPRENTICE_KEYS } from './apprenticeships-demo.ts';
import { DEMO_TRUST_NAME, ensureDemoData } from './demo.ts';
import { DEMO_PARTNERSHIP_EVENTS } from './partnerships-demo.ts';

const clock = () => new Date('2026-11-22T12:00:00Z');
const cheap = cheapPasswordCost;
const auditKey = testKeys.auditKey;

describe.each(testDatabaseKinds())('ensureDemoData on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('creates the demo trust, two schools, staff and accounts on an empty database, once', async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const first = await ensureDemoData({ db, clock, auditKey, passwordCost: cheap });
    expect(first.created).toBe(true);
    expect(first.logins.map((l) => l.role).sort()).toEqual([
      'assessor',
      'line_manager',
      'partnership_coordinator',
      'school_admin',
      'school_admin',
      'staff',
      'staff',
      'staff',
      'staff',
      'trust_admin',
    ]);
    // The apprentices with a login: Amy (FR04171), Chloe and Fatima (ST1414) and Daniel, the Associate Teacher.
    expect(first.logins.filter((l) => l.role === 'staff').map((l) => l.name)).toEqual([
      'Amy Clarke',
      'Chloe Davies',
      'Daniel Hughes',
      'Fatima Khan',
    ]);
    // One school admin is the primary school's headteacher, so "award HLTA status" can be tried.
    const headteacher = first.logins.find((l) => l.headteacher);
    expect(headteacher).toMatchObject({ role: 'school_admin', organisation: 'Riverside Primary School' });
    const assignment = await db
      .selectFrom('role_assignments')
      .innerJoin('user_accounts', 'user_accounts.id', 'role_assignments.user_id')
      .select(['role_assignments.headteacher'])
      .where('user_accounts.email', '=', headteacher?.email ?? '')
      .executeTakeFirstOrThrow();
    expect(assignment.headteacher).toBe(true);

    const orgs = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
    expect(orgs.find((o) => o.kind === 'trust')?.name).toBe(DEMO_TRUST_NAME);
    expect(orgs.filter((o) => o.kind === 'school').map((o) => [o.phase, o.nation])).toEqual(
      expect.arrayContaining([
        ['primary', 'England'],
        ['secondary', 'England'],
      ]),
    );
    // The trust's staff (the training provider's assessor is a person at the provider, not staff).
    const staff = await db
      .selectFrom('people')
      .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
      .selectAll('people')
      .where('organisations.kind', '!=', 'provider')
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(8);
    // A handful: up to 12, plus the partnership coordinator and the third partnership teacher (partnerships-demo.ts).
    expect(staff.length).toBeLessThanOrEqual(14);
    expect(new Set(staff.map((p) => p.graded_role))).toEqual(new Set([null, 'TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'ASNA1', 'ASNA2']));
    const accounts = await db.selectFrom('user_accounts').selectAll().execute();
    expect(accounts.every((a) => a.is_demo && a.password_hash?.startsWith('$argon2id$'))).toBe(true);
    const events = await db.selectFrom('audit_events').select(['action']).execute();
    // The trust's three organisations, the training provider and its assessor, every person and account, the four demo
    // enrolments, and the partnership demo's partners, deployments and engagements.
    expect(events.length).toBe(3 + 2 + staff.length + accounts.length + DEMO_APPRENTICE_KEYS.length + DEMO_PARTNERSHIP_EVENTS);
    expect(await db.selectFrom('enrolments').select('id').execute()).toHaveLength(DEMO_APPRENTICE_KEYS.length);

    const second = await ensureDemoData({ db, clock, auditKey, passwordCost: cheap });
    expect(second.created).toBe(false);
    expect(second.logins).toHaveLength(first.logins.length);
    expect(await db.selectFrom('organisations').select('id').execute()).toHaveLength(orgs.length);
  });

  it('creates nothing on a database that already holds an organisation', async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const id = crypto.randomUUID();
    await db
      .insertInto('organisations')
      .values({ id, trust_id: id, kind: 'trust', name: 'A real trust', phase: null, nation: 'England', urn: null, parent_id: null })
      .execute();
    const result = await ensureDemoData({ db, clock, auditKey, passwordCost: cheap });
    expect(result).toEqual({ created: false, logins: [] });
    expect(await db.selectFrom('user_accounts').select('id').execute()).toEqual([]);
  });

  it('gives the demo staff a lived-in portfolio when asked: evidence to review, judgements, CPD, a review, training and certificates', async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const files = diskFileStore(await mkdtemp(join(tmpdir(), 'pathways-demo-files-')));
    await ensureDemoData({
      db,
      clock,
      auditKey,
      passwordCost: cheap,
      portfolio: { catalogue: buildCatalogue(await readFrameworkFiles()), files },
    });

    const amy = await db.selectFrom('people').select('id').where('given_name', '=', 'Amy').executeTakeFirstOrThrow();
    const evidence = await db.selectFrom('evidence_items').select(['status']).where('person_id', '=', amy.id).execute();
    expect(evidence.map((e) => e.status).sort()).toEqual(['decided', 'submitted']);
    const judged = await db.selectFrom('judgements').select(['item_code', 'value']).where('person_id', '=', amy.id).execute();
    expect(judged).toContainEqual({ item_code: 'HLTA.26', value: 'met' });
    expect(await db.selectFrom('cpd_activities').select('id').where('person_id', '=', amy.id).execute()).not.toHaveLength(0);
    expect(await db.selectFrom('review_cycles').select('stage').where('person_id', '=', amy.id).execute()).toEqual([{ stage: 'mid-year' }]);
    expect(await db.selectFrom('training_records').select('id').execute()).not.toHaveLength(0);
    const certificates = await db.selectFrom('attachments').select(['sha256']).where('owner_kind', '=', 'achievement').execute();
    expect(certificates).not.toHaveLength(0);
    for (const c of certificates) expect(new TextDecoder().decode((await files.read(c.sha256)).slice(0, 5))).toBe('%PDF-');
  });
});
