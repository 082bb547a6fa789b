import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGateway } from '../../cli/gateway.ts';
import type { EvaluationNode } from '../../domain/requirements/index.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { type GatewayCases, seedGatewayCases } from '../../usecases/apprenticeships/gateway-testing.ts';
import { apprenticeshipTestDeps, seedOffTheJobWorld } from '../../usecases/apprenticeships/off-the-job-testing.ts';
import { buildServer } from '../server.ts';
import { apiRequest, sessionCookie } from '../testing.ts';

const now = new Date('2027-06-01T12:00:00Z');

type Item = { id: string; label: string; met: boolean; evidence: string[]; nextActions: string[]; evaluation: EvaluationNode };

describe.each(testDatabaseKinds())('GET /api/enrolments/:id/gateway on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let cases: GatewayCases;
  const cookies: Record<'manager' | 'assessor' | 'apprentice' | 'colleague' | 'otherTrustAdmin', string> = {
    manager: '',
    assessor: '',
    apprentice: '',
    colleague: '',
    otherTrustAdmin: '',
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database, { clock: () => now }), { logLevel: 'silent' });
    const deps = await apprenticeshipTestDeps(database.kysely, '2027-06-01');
    cases = await seedGatewayCases(database.kysely, deps.catalogue, await seedOffTheJobWorld(database.kysely));
    const { world } = cases;
    const own = world.trusts.own;
    const cookieOf = (actor: { userId: string; assignments: readonly { trustId: string }[] }) =>
      sessionCookie(database.kysely, actor.userId, actor.assignments[0]?.trustId ?? '', now);
    cookies.manager = await cookieOf(world.manager);
    cookies.assessor = await cookieOf(world.assessor);
    cookies.apprentice = await cookieOf(world.apprentice);
    cookies.otherTrustAdmin = await cookieOf(world.otherTrustAdmin);
    cookies.colleague = await sessionCookie(database.kysely, own.users.partnership_coordinator.userId, own.trustId, now);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const gateway = async (id: string, cookie: string) => {
    const response = await apiRequest(app, 'GET', `/api/enrolments/${id}/gateway`, cookie);
    return { status: response.statusCode, body: response.json() };
  };
  const item = (items: Item[], id: string): Item => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };
  const cliJson = async (id: string) => {
    let output = '';
    await runGateway(database, { enrolment: id, json: true, today: now }, (text) => {
      output += text;
    });
    return JSON.parse(output);
  };

  it('answers the line manager for a ready apprentice: ready, each item met, its evaluation, the hours and the time', async () => {
    const { status, body } = await gateway(cases.ready, cookies.manager);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      ['applies', 'enrolmentId', 'items', 'minimumDuration', 'offTheJob', 'ready', 'version'].sort(),
    );
    expect(body).toMatchObject({
      enrolmentId: cases.ready,
      applies: true,
      ready: true,
      version: { id: 'gateway-2025-08', terms: { gateway: 'Gateway to Completion', assessment: 'apprenticeship assessment' } },
      offTheJob: { rule: 'otj-2025-08', minimumHours: 400, approvedHours: 420, message: 'minimum 400 hours (otj-2025-08)' },
      minimumDuration: { months: 8, daysNeeded: 242, daysSoFar: 639 },
    });
    expect(body.version.formerTerms).toContain('EPAO');
    for (const i of body.items as Item[]) {
      expect(Object.keys(i).sort()).toEqual(['evaluation', 'evidence', 'id', 'label', 'met', 'nextActions']);
      expect(i).toMatchObject({ met: true, nextActions: [], evaluation: { status: 'met' } });
    }
    // The KSB rule's evaluation keeps the recognised prior learning apart from the judged met.
    expect(item(body.items, 'st1414-ksbs').evaluation.items).toMatchObject({ total: 70, missing: [], recognised: ['ST1414.K1'] });
    expect(item(body.items, 'st1414-ksbs').evaluation.items?.met).toHaveLength(69);
    // Aged 24 at the start, checked in 2027: the waiver is in force.
    expect(item(body.items, 'st1414-english-maths').evaluation.children[0]).toMatchObject({ type: 'ageAtStart', status: 'met' });
  });

  it('answers the provider’s assessor for a not-ready apprentice in another trust: each unmet item with its next actions', async () => {
    const { status, body } = await gateway(cases.notReady, cookies.assessor);
    expect(status).toBe(200);
    expect(body).toMatchObject({ enrolmentId: cases.notReady, applies: true, ready: false, offTheJob: { approvedHours: 210 } });
    const unmet = (body.items as Item[]).filter((i) => !i.met);
    expect(unmet.map((i) => [i.id, i.nextActions.length])).toEqual([
      ['st1414-english-maths', 2],
      ['st1414-ksbs', 2],
      ['gateway-off-the-job', 1],
      ['gateway-employer-confirmation', 1],
      ['gateway-provider-confirmation', 1],
    ]);
    const em = item(body.items, 'st1414-english-maths');
    expect(em.nextActions[1]).toBe('achieve Level 2 maths — e.g. Functional Skills maths Level 2 or GCSE maths grade 4 (C)');
    expect(em.evaluation).toMatchObject({
      status: 'not-met',
      children: [{ type: 'ageAtStart', status: 'not-met' }, { status: 'not-met' }],
    });
    expect(item(body.items, 'st1414-ksbs').evaluation.items).toMatchObject({ missing: ['ST1414.K31', 'ST1414.S28'] });
  });

  it('says what the CLI says: the same items, evidence and next actions', async () => {
    for (const id of [cases.ready, cases.notReady]) {
      const { body } = await gateway(id, cookies.assessor);
      const cli = await cliJson(id);
      expect(body.items.map(({ evaluation: _, ...rest }: Item) => rest)).toEqual(cli.items);
      expect({ ...body, items: undefined }).toEqual({ ...cli, items: undefined });
    }
  });

  it('lets the apprentice read their own; refuses colleagues of the trust, and answers other trusts as for no such enrolment', async () => {
    expect((await gateway(cases.ready, cookies.apprentice)).status).toBe(200);
    expect((await gateway(cases.notReady, cookies.apprentice)).status).toBe(403);
    // The colleague does not report to this line manager.
    expect((await gateway(cases.notReady, cookies.manager)).status).toBe(403);
    expect((await gateway(cases.ready, cookies.colleague)).status).toBe(403);
    expect((await gateway(cases.ready, cookies.otherTrustAdmin)).status).toBe(404);
    expect((await gateway('00000000-0000-4000-8000-000000000000', cookies.manager)).status).toBe(404);
    expect((await apiRequest(app, 'GET', `/api/enrolments/${cases.ready}/gateway`, '')).statusCode).toBe(401);
  });
});
