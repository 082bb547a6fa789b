/**
 * The permission matrix: every route the server registers, for every role, inside and outside the
 * actor's own organisation, against an expected outcome WRITTEN BY HAND below (not derived from can()).
 * A route missing from the table fails the test, so a new route cannot ship without a decision here.
 *
 * Legend for the role columns: A anonymous, T trust_admin, S school_admin, L line_manager (of the
 * staff member), F staff (the staff member themselves), X assessor, P partnership_coordinator.
 * `own` lists who is allowed when the path points into the actor's own trust/school, `other` when it
 * points into another trust. Routes without an organisation in the path list the same roles in both.
 * Allowed means 2xx/3xx (for POST also 400/409: past the gate, the empty form is refused);
 * refused means 401/403, or a redirect to /sign-in for pages. A signed-in user refused a record of
 * another trust (its id in the path) gets 404, as for an id that does not exist, so ids of other
 * trusts cannot be confirmed: that outcome is "hidden".
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName } from '../domain/policy/actor.ts';
import { accounts } from '../store/accounts.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { buildTestContext } from '../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../testing/two-trusts.ts';
import { apprenticeshipRows, enrolmentPath, seedMatrixEnrolments } from './permission-matrix-apprenticeships.ts';
import { associateTeacherPath, associateTeacherRows, seedMatrixAssociateTeacherEnrolments } from './permission-matrix-associate-teacher.ts';
import { insightDashboardRows } from './permission-matrix-insight-dashboards.ts';
import { insightTrainingNeedsRows } from './permission-matrix-insight-training-needs.ts';
import { offTheJobRows } from './permission-matrix-off-the-job.ts';
import { fillPartnershipParams, partnershipPath, partnershipRows, seedMatrixPartnershipWork } from './permission-matrix-partnerships.ts';
import { portfolioRows } from './permission-matrix-portfolio.ts';
import { everyone, type Row, signedIn } from './permission-matrix-row.ts';
import { buildServer } from './server.ts';
import { sessionCookie } from './testing.ts';

const expected: Row[] = [
  // Public: the framework explorer, its API, documentation, health and assets.
  ['GET /', everyone, everyone],
  ['GET /frameworks', everyone, everyone],
  ['GET /frameworks/:id', everyone, everyone],
  ['GET /hlta-standards', everyone, everyone],
  ['GET /ladder', everyone, everyone],
  ['GET /roles/:id', everyone, everyone],
  ['GET /qualifications', everyone, everyone],
  ['GET /qualifications/:id', everyone, everyone],
  ['GET /partnership-teachers', everyone, everyone],
  ['GET /search', everyone, everyone],
  ['GET /explore', everyone, everyone],
  ['GET /progression/print.css', everyone, everyone],
  ['GET /health', everyone, everyone],
  ['GET /*', everyone, everyone],
  ['GET /api/openapi.json', everyone, everyone],
  ['GET /api/docs', everyone, everyone],
  ['GET /api/docs/', everyone, everyone],
  ['GET /api/docs/static/index.html', everyone, everyone],
  ['GET /api/docs/static/swagger-initializer.js', everyone, everyone],
  ['GET /api/docs/*', everyone, everyone],
  ['GET /api/docs/json', everyone, everyone],
  ['GET /api/docs/yaml', everyone, everyone],
  ['GET /api/frameworks', everyone, everyone],
  ['GET /api/frameworks/:id', everyone, everyone],
  ['GET /api/frameworks/:id/case', everyone, everyone],
  ['GET /api/roles/:id', everyone, everyone],
  ['GET /api/items', everyone, everyone],
  ['GET /api/qualifications/:id', everyone, everyone],
  ['POST /api/gap', everyone, everyone],
  ['POST /api/route', everyone, everyone],
  ['POST /api/role-fit', everyone, everyone],
  // Operators only, by the instance's bearer token (PATHWAYS_OPERATOR_TOKEN): no session makes anyone an operator.
  ['POST /api/operator/frameworks/import', '-', '-'],
  // Signing in, out, resets and invitations: open by nature (tokens are checked by the use-cases).
  ['GET /sign-in', everyone, everyone],
  ['POST /sign-in', everyone, everyone],
  ['GET /sign-in/sso', everyone, everyone],
  ['POST /sign-in/sso', everyone, everyone],
  ['GET /sign-in/sso/callback', everyone, everyone, { loose: true }],
  ['GET /sign-in/mfa', signedIn, signedIn],
  ['POST /sign-in/mfa', signedIn, signedIn],
  ['GET /sign-in/mfa/set-up', signedIn, signedIn],
  ['POST /sign-in/mfa/set-up', signedIn, signedIn],
  ['POST /sign-out', everyone, everyone, { freshSession: true }],
  ['GET /password-reset', everyone, everyone],
  ['POST /password-reset', everyone, everyone],
  ['GET /password-reset/:token', everyone, everyone, { loose: true }],
  ['POST /password-reset/:token', everyone, everyone, { loose: true }],
  ['GET /invitations/:token', everyone, everyone, { loose: true }],
  ['POST /invitations/:token', everyone, everyone, { loose: true }],
  ['GET /api/session', everyone, everyone],
  ['POST /api/session', everyone, everyone],
  ['DELETE /api/session', everyone, everyone, { freshSession: true }],
  // The signed-in home (where sign-in lands) and the user's own account page.
  ['GET /home', signedIn, signedIn],
  ['GET /account', signedIn, signedIn],
  ['GET /account/password', signedIn, signedIn],
  ['POST /account/password', signedIn, signedIn],
  // The user's own progression pages (their own person record).
  ['GET /me/next-step', signedIn, signedIn],
  ['GET /me/route', signedIn, signedIn],
  ['GET /me/role-fit', signedIn, signedIn],
  ['POST /me/role-fit', signedIn, signedIn],
  // Staff directory and people (path :id is the staff member who reports to the line manager).
  ['GET /people', signedIn, signedIn],
  ['GET /people/:id', 'T S L F', '-'],
  ['GET /people/:id/next-step', 'T S L F', '-'],
  ['GET /people/:id/route', 'T S L F', '-'],
  ['GET /people/:id/role-fit', 'T S L F', '-'],
  ['POST /people/:id/role-fit', 'L F', '-'],
  ['POST /people/:id/role-fit/confirm', 'L', '-', { loose: true }],
  ['GET /api/people', signedIn, signedIn],
  ['GET /api/people/:id', 'T S L F', '-'],
  ['GET /api/people/:id/gap', 'T S L F', '-'],
  ['GET /api/people/:id/route', 'T S L F', '-'],
  ['GET /api/people/:id/role-fit', 'T S L F', '-'],
  ['GET /api/people/:id/duty-profiles', 'T S L F', '-'],
  ['POST /api/people/:id/duty-profiles', 'L F', '-', { body: '{"dutyProfile":{"currentRole":"TA3","duties":{}}}' }],
  ['POST /api/people/:id/duty-profiles/:dutyProfileId/confirm', 'L', '-', { loose: true }],
  // Organisations (:id is the school, except schools/new and sign-on, which take the trust).
  ['GET /organisations/:id', 'T S L F', '-'],
  ['GET /api/organisations/:id', 'T S L F', '-'],
  ['GET /organisations/:id/edit', 'T S', '-'],
  ['POST /organisations/:id/edit', 'T S', '-'],
  ['GET /organisations/:id/schools/new', 'T', '-'],
  ['POST /organisations/:id/schools/new', 'T', '-'],
  ['GET /organisations/:id/sign-on', 'T', '-'],
  ['POST /organisations/:id/sign-on', 'T', '-'],
  ['GET /partnerships', signedIn, signedIn],
  // Staff import and export (:id is the school).
  ['GET /schools/:id/import', 'T S', '-'],
  ['POST /schools/:id/import', 'T S', '-'],
  ['GET /schools/:id/import/:upload/columns', 'T S', '-', { loose: true }],
  ['POST /schools/:id/import/:upload/columns', 'T S', '-', { loose: true }],
  ['GET /schools/:id/import/:upload/roles', 'T S', '-', { loose: true }],
  ['POST /schools/:id/import/:upload/roles', 'T S', '-', { loose: true }],
  ['GET /schools/:id/import/:upload/preview', 'T S', '-', { loose: true }],
  ['POST /schools/:id/import/:upload/apply', 'T S', '-', { loose: true }],
  ['GET /schools/:id/import/:upload/status', 'T S', '-', { loose: true }],
  ['GET /schools/:id/staff.:format', 'T S', '-'],
  // User management (:id is an account at the school; everyone may list, and sees only themselves unless an admin).
  ['GET /users', signedIn, signedIn],
  ['GET /users/invite', signedIn, signedIn],
  ['POST /users/invite', 'T S', '-', { body: 'email=new.person@example.org&role=staff&organisationId=:school' }],
  ['GET /users/:id', 'T S', '-'],
  ['POST /users/:id/roles', 'T S', '-', { body: 'role=line_manager&organisationId=:school' }],
  ['POST /users/:id/roles/:assignmentId/remove', 'T S', '-'],
  ['POST /users/:id/disable', 'T S', '-'],
  ['POST /users/:id/enable', 'T S', '-'],
  ['GET /admin/outbox', 'T S', 'T S'],
  ...portfolioRows,
  ...partnershipRows,
  ...apprenticeshipRows,
  ...offTheJobRows,
  ...associateTeacherRows,
  ...insightTrainingNeedsRows,
  ...insightDashboardRows,
  // Audit trail (no organisation in the path: each admin sees their own scope).
  ['GET /audit', 'T S', 'T S'],
  ['GET /audit/export.csv', 'T S', 'T S'],
  ['GET /api/audit', 'T S', 'T S'],
];

const roleOf: Record<string, RoleName | 'anonymous'> = {
  A: 'anonymous',
  T: 'trust_admin',
  S: 'school_admin',
  L: 'line_manager',
  F: 'staff',
  X: 'assessor',
  P: 'partnership_coordinator',
};

/** Every METHOD /path the server registers (HEAD is Fastify's automatic twin of GET), from its route tree. */
const registeredRoutes = (app: FastifyInstance): string[] => {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+) \(([^)]+)\)$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = line.indexOf(match[2] ?? '') / 4;
    stack.length = Math.max(0, depth - 1);
    stack.push(match[2] ?? '');
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return [...new Set(routes)].sort();
};

type Side = 'own' | 'other';

describe.each(testDatabaseKinds())('the permission matrix on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let trusts: { own: SeededTrust; other: SeededTrust };
  /** Per side: an extra account at the school that user-management requests act on. */
  const targets: Record<Side, { userId: string }> = { own: { userId: '' }, other: { userId: '' } };
  const cookies: Partial<Record<RoleName, string>> = {};
  let enrolmentIds: Record<Side, string> = { own: '', other: '' };
  let associateTeacherEnrolmentIds: Record<Side, string> = { own: '', other: '' };
  let deploymentIds: Record<Side, string> = { own: '', other: '' };
  const now = new Date();

  const addTarget = async (db: Kysely<Tables>, trust: SeededTrust) => {
    const personId = crypto.randomUUID();
    const userId = crypto.randomUUID();
    await people(db).insert({
      id: personId,
      trust_id: trust.trustId,
      organisation_id: trust.schoolId,
      given_name: 'Target',
      family_name: 'Account',
      work_email: null,
      staff_code: null,
      graded_role: null,
      job_title: null,
      line_manager_id: null,
      left_on: null,
    });
    await accounts(db).insert({
      id: userId,
      trust_id: trust.trustId,
      person_id: personId,
      email: `target-${userId}@example.test`,
      password_hash: null,
    });
    await accounts(db).assignRole({
      id: crypto.randomUUID(),
      trust_id: trust.trustId,
      user_id: userId,
      role: 'staff',
      organisation_id: trust.schoolId,
    });
    return { userId };
  };

  const cookieOf = (role: RoleName) => sessionCookie(database.kysely, trusts.own.users[role].userId, trusts.own.trustId);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    trusts = await seedTwoTrusts(database.kysely);
    targets.own = await addTarget(database.kysely, trusts.own);
    targets.other = await addTarget(database.kysely, trusts.other);
    enrolmentIds = await seedMatrixEnrolments(database.kysely, trusts);
    associateTeacherEnrolmentIds = await seedMatrixAssociateTeacherEnrolments(database.kysely, trusts);
    deploymentIds = await seedMatrixPartnershipWork(database.kysely, trusts);
    for (const letter of signedIn.split(' ')) {
      const role = roleOf[letter];
      if (role && role !== 'anonymous') cookies[role] = await cookieOf(role);
    }
    const context = await buildTestContext(database, { clock: () => now });
    app = await buildServer(context, { logLevel: 'silent' });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A removable role assignment of the side's target account (made again after each removal). */
  const assignmentOf = async (side: Side) => {
    const trust = trusts[side];
    const found = await database.kysely
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', targets[side].userId)
      .where('role', '=', 'line_manager')
      .executeTakeFirst();
    if (found) return found.id;
    const id = crypto.randomUUID();
    await accounts(database.kysely).assignRole({
      id,
      trust_id: trust.trustId,
      user_id: targets[side].userId,
      role: 'line_manager',
      organisation_id: trust.schoolId,
    });
    return id;
  };

  const fill = async (route: string, side: Side): Promise<string> => {
    const trust = trusts[side];
    const [, path = ''] = route.split(' ');
    const id = (() => {
      if (/^\/(api\/)?organisations\/:id\/(schools\/new|sign-on|training\/settings|training-kinds)/.test(path)) return trust.trustId;
      if (/^\/(api\/)?organisations\/:id/.test(path) || path.startsWith('/schools/:id')) return trust.schoolId;
      if (/^\/(api\/|supervision\/)?people\/:id/.test(path)) return trust.reportId;
      if (associateTeacherPath.test(path)) return associateTeacherEnrolmentIds[side];
      if (enrolmentPath.test(path)) return enrolmentIds[side];
      if (partnershipPath.test(path)) return trust.partnershipId;
      if (path.startsWith('/users/:id')) return targets[side].userId;
      if (/^\/(api\/)?frameworks\/:id/.test(path)) return 'njc-role-profiles';
      if (/^\/(api\/)?roles\/:id/.test(path)) return 'TA3';
      return crypto.randomUUID();
    })();
    let filled = path
      .replace(':id', id)
      .replace(':assignmentId', path.includes(':assignmentId') ? await assignmentOf(side) : '')
      .replace(':format', 'csv')
      .replace(':upload', crypto.randomUUID().replaceAll('-', ''))
      .replace(/:(token|dutyProfileId|entryId|reviewId|moduleId|linkId)/, crypto.randomUUID());
    if (partnershipPath.test(path)) filled = fillPartnershipParams(filled, deploymentIds[side]);
    // A supervisor's evidence id that exists nowhere: the gate (person.decideAsSupervisor) answers first.
    if (path.startsWith('/supervision/')) filled = filled.replace(':evidenceId', crypto.randomUUID());
    if (path.startsWith('/api/qualifications/:id') || path.startsWith('/qualifications/:id'))
      filled = path.replace(':id', 'FR04171.INTERMEDIATE');
    if (path.endsWith('/gap')) filled += '?target=TA4';
    if (path.startsWith('/api/people/:id/route')) filled += '?goal=TA4';
    if (path === '/*') filled = '/assets/app.css';
    if (path === '/api/docs/*') filled = '/api/docs/static/swagger-ui.css';
    return filled;
  };

  const send = async (route: string, letter: string, side: Side, options: Row[3] = {}): Promise<LightMyRequestResponse> => {
    const [method = 'GET'] = route.split(' ');
    const role = roleOf[letter];
    const headers: Record<string, string> = { 'x-pathways-request': '1' };
    if (role && role !== 'anonymous') headers.cookie = options.freshSession ? await cookieOf(role) : (cookies[role] ?? '');
    const url = await fill(route, side);
    const isApi = url.startsWith('/api/');
    const payload = method === 'GET' ? undefined : (options.body ?? '').replace(':school', trusts[side].schoolId);
    if (payload !== undefined) headers['content-type'] = isApi ? 'application/json' : 'application/x-www-form-urlencoded';
    return app.inject({ method: method as 'GET', url, headers, payload: isApi && payload === '' ? '{}' : payload });
  };

  /** Paths whose :id is a record of the side's trust (other paths name none, unless their body names its school). */
  const namesTrustRecord = (route: string) =>
    /^\/(api\/|supervision\/)?(people|organisations|schools|users|enrolments|partnerships)\/:id/.test(route.split(' ')[1] ?? '');

  const outcomeOf = (response: LightMyRequestResponse, method: string, loose: boolean, hiding: boolean): 'allowed' | 'refused' | string => {
    const { statusCode: status } = response;
    if (hiding && status === 404) return 'hidden';
    const location = String(response.headers.location ?? '');
    if (status === 401 || status === 403) return 'refused';
    if (status >= 300 && status < 400 && location.startsWith('/sign-in') && !location.startsWith('/sign-in/mfa')) return 'refused';
    if (status >= 200 && status < 400) return 'allowed';
    if (method !== 'GET' && (status === 400 || status === 409 || status === 429)) return 'allowed';
    // A loose route answers an unusable token or state as 400/404, or 429 once its address is throttled (sign-on callbacks).
    if (loose && (status === 404 || status === 400 || status === 429)) return 'allowed';
    return `unexpected ${status}`;
  };

  it('has a hand-written expectation for every route the server registers, and none for routes that do not exist', () => {
    const registered = registeredRoutes(app);
    expect(registered.length).toBeGreaterThan(50);
    expect(registered.filter((r) => !expected.some(([route]) => route === r))).toEqual([]);
    expect(expected.map(([route]) => route).filter((r) => !registered.includes(r))).toEqual([]);
  });

  it.each(expected)('%s — own: %s, other: %s', async (route, own, other, options = {}) => {
    const [method = 'GET'] = route.split(' ');
    const mismatches: string[] = [];
    for (const [side, allowed] of [
      ['own', own],
      ['other', other],
    ] as const) {
      for (const letter of Object.keys(roleOf)) {
        const response = await send(route, letter, side, options);
        const isAllowed = allowed.split(' ').includes(letter);
        const namesRecord = namesTrustRecord(route) || (options.body ?? '').includes(':school');
        const hiding = !isAllowed && side === 'other' && letter !== 'A' && namesRecord;
        const want = isAllowed ? 'allowed' : hiding ? 'hidden' : 'refused';
        const got = outcomeOf(response, method, options.loose ?? false, hiding);
        if (got !== want)
          mismatches.push(
            `${side} ${roleOf[letter]}: expected ${want}, got ${got} (${response.statusCode} ${response.headers.location ?? ''})`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
