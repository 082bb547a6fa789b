import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { roleFit } from '../../domain/role-fit.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { Framework } from '../../framework/schema.ts';
import { actors } from '../../store/actors.ts';
import type { Database } from '../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { seedProgressionPeople } from '../../testing/progression-people.ts';
import type { AppContext } from '../context.ts';
import { type ProgressionDeps, progressionDeps } from './deps.ts';
import { confirmDutyProfile, listDutyProfiles, saveDutyProfile } from './duty-profiles.ts';
import { roleFitForPerson } from './person-progression.ts';

describe.each(testDatabaseKinds())('duty profiles on %s', (kind) => {
  let database: Database;
  let context: AppContext;
  let seed: Awaited<ReturnType<typeof seedProgressionPeople>>;
  let who: Record<'priya' | 'amy' | 'sam' | 'bea', Actor>;
  let time = new Date('2026-09-01T09:00:00Z');
  let deps: ProgressionDeps;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database, { clock: () => time });
    seed = await seedProgressionPeople(database.kysely, time);
    const load = async (id: string) => {
      const actor = await actors(database.kysely).load(id);
      if (!actor) throw new Error('no actor');
      return actor;
    };
    const { ids } = seed;
    who = { priya: await load(ids.priyaUser), amy: await load(ids.amyUser), sam: await load(ids.samUser), bea: await load(ids.beaUser) };
    deps = { ...progressionDeps(context), clock: () => time };
  });
  afterAll(async () => {
    await database?.close();
  });

  const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;

  it('keeps every save as history, newest first, and audits each with before and after', async () => {
    const first = await saveDutyProfile(deps, who.amy, seed.ids.amy, { currentRole: 'TA2', duties: { 'TA2.D1': 'regularly' } });
    time = new Date('2027-09-01T09:00:00Z');
    const second = await saveDutyProfile(deps, who.priya, seed.ids.amy, { currentRole: 'TA2', duties: { 'TA2.D1': 'occasionally' } });
    const history = await listDutyProfiles(deps, who.amy, seed.ids.amy);
    expect(history.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(history.map((h) => h.recordedBy)).toEqual([seed.ids.priyaUser, seed.ids.amyUser]);
    expect(history.every((h) => h.status === 'self-assessed')).toBe(true);
    const events = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor', 'data'])
      .where('action', '=', 'dutyProfile.saved')
      .where('entity_id', '=', seed.ids.amy)
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[1]?.data).toMatchObject({
      before: { duties: { 'TA2.D1': 'regularly' } },
      after: { duties: { 'TA2.D1': 'occasionally' }, status: 'self-assessed' },
    });
    const fit = await roleFitForPerson(deps, who.priya, seed.ids.amy);
    expect(fit.profile?.id).toBe(second.id);
    expect(fit.history).toHaveLength(2);
  });

  it('is confirmed by the line manager only, and only once', async () => {
    const [latest] = await listDutyProfiles(deps, who.amy, seed.ids.amy);
    if (!latest) throw new Error('no profile');
    await expect(confirmDutyProfile(deps, who.amy, seed.ids.amy, latest.id)).rejects.toEqual(refusal('forbidden'));
    const confirmed = await confirmDutyProfile(deps, who.priya, seed.ids.amy, latest.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: seed.ids.priyaUser });
    await expect(confirmDutyProfile(deps, who.priya, seed.ids.amy, latest.id)).rejects.toEqual(refusal('conflict'));
    const [stored] = await listDutyProfiles(deps, who.amy, seed.ids.amy);
    expect(stored?.status).toBe('confirmed');
    expect(stored?.confirmedAt?.toISOString()).toBe(time.toISOString());
  });

  it('refuses a colleague, another trust, and anonymous callers, and audits the refusal', async () => {
    const profile = { currentRole: 'TA2', duties: {} };
    await expect(saveDutyProfile(deps, who.sam, seed.ids.amy, profile)).rejects.toEqual(refusal('forbidden'));
    await expect(saveDutyProfile(deps, who.bea, seed.ids.amy, profile)).rejects.toEqual(refusal('not_found'));
    await expect(listDutyProfiles(deps, who.priya, seed.ids.bea)).rejects.toEqual(refusal('not_found'));
    await expect(saveDutyProfile(deps, { kind: 'anonymous' }, seed.ids.amy, profile)).rejects.toEqual(refusal('unauthenticated'));
    const refused = await database.kysely
      .selectFrom('audit_events')
      .select('actor')
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', seed.ids.amy)
      .execute();
    expect(refused.map((r) => r.actor)).toEqual(expect.arrayContaining([seed.ids.samUser, seed.ids.beaUser]));
  });

  it('rejects an invalid profile with the JSON path and stores nothing', async () => {
    const before = (await listDutyProfiles(deps, who.amy, seed.ids.amy)).length;
    await expect(saveDutyProfile(deps, who.amy, seed.ids.amy, { currentRole: 'TA9', duties: { 'NOPE.1': 'never' } })).rejects.toMatchObject(
      {
        code: 'validation',
        details: expect.arrayContaining([{ where: '$.currentRole', reason: 'unknown role TA9' }]),
      },
    );
    expect(await listDutyProfiles(deps, who.amy, seed.ids.amy)).toHaveLength(before);
  });
});

describe('role-fit threshold as framework data', () => {
  it('comes from the NJC framework file, with its provenance, and a changed value changes the result', async () => {
    const sources = await readFrameworkFiles();
    const njc = sources.find((s) => s.framework.id === 'njc-role-profiles');
    expect(njc?.framework.jobEvaluation?.threshold).toEqual({ numerator: 2, denominator: 3 });
    expect(njc?.framework.jobEvaluation?.provenance).toMatchObject({ origin: 'pathways' });
    const catalogue = buildCatalogue(sources);
    const ta3 = catalogue.children('TA3').filter((i) => i.kind === 'duty');
    const allButOne = Object.fromEntries(ta3.slice(1).map((d) => [d.code, 'regularly' as const]));
    const strictSources = sources.map((s) =>
      s === njc
        ? {
            ...s,
            framework: Framework.parse({
              ...s.framework,
              jobEvaluation: { ...s.framework.jobEvaluation, threshold: { numerator: 1, denominator: 1 } },
            }),
          }
        : s,
    );
    const strict = roleFit({ currentRole: 'TA2', duties: allButOne }, buildCatalogue(strictSources));
    expect(strict.threshold).toEqual({ numerator: 1, denominator: 1, share: 1 });
    expect(strict.profiles.find((p) => p.role === 'TA3')?.reachesThreshold).toBe(false);
    const usual = roleFit({ currentRole: 'TA2', duties: allButOne }, catalogue);
    expect(usual.threshold).toEqual({ numerator: 2, denominator: 3, share: 0.6667 });
    expect(usual.profiles.find((p) => p.role === 'TA3')?.reachesThreshold).toBe(true);
  });

  it('rejects a threshold above one', () => {
    const parsed = Framework.shape.jobEvaluation.safeParse({
      threshold: { numerator: 4, denominator: 3 },
      provenance: { origin: 'pathways', reason: 'a reason of some length' },
    });
    expect(parsed.success).toBe(false);
  });
});
