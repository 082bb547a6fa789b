import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed, type PortfolioTestBed, trustAuditActions } from '../../testing/portfolio.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import type { AppContext } from '../context.ts';
import { addCpdActivity, cpdLog, markCpdDone, planCpdSuggestion, removeCpdActivity, updateCpdActivity } from './cpd.ts';
import { portfolioDeps } from './deps.ts';

const activity = (over: Record<string, unknown> = {}) => ({
  title: 'Phonics refresher',
  provider: 'Local authority',
  kind: 'course',
  status: 'done',
  occurredOn: '2026-10-01',
  minutes: 90,
  itemCodes: ['TA3.D1'],
  reflection: 'Useful for small-group work.',
  ...over,
});

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe.each(testDatabaseKinds())('the CPD log on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let seeded: Pick<PortfolioTestBed, 'own' | 'other'>;
  const now = new Date('2026-11-22T12:00:00Z');
  const deps = () => portfolioDeps(context, 'test-request');
  const actorOf = (userId: string): Promise<Actor> => loadActor(database.kysely, userId);
  const auditActions = (trustId: string) => trustAuditActions(database.kysely, trustId);

  beforeAll(async () => {
    ({ database, context, ...seeded } = await openPortfolioTestBed(kind, () => now));
  });
  afterAll(() => database.close());

  it('totals the hours of done activities per academic year, 31 August and 1 September apart', async () => {
    const staff = await actorOf(seeded.own.users.staff.userId);
    const personId = seeded.own.reportId;
    await addCpdActivity(deps(), staff, personId, activity({ occurredOn: '2026-09-01', minutes: 60 }));
    await addCpdActivity(deps(), staff, personId, activity({ occurredOn: '2026-08-31', minutes: 45 }));
    await addCpdActivity(deps(), staff, personId, activity({ occurredOn: '2025-09-01', minutes: 30 }));
    await addCpdActivity(deps(), staff, personId, activity({ status: 'planned', occurredOn: null, minutes: 600, title: 'Level 3 maths' }));
    const log = await cpdLog(deps(), staff, personId);
    expect(log.totals).toEqual([
      { year: '2026/27', minutes: 60 },
      { year: '2025/26', minutes: 75 },
    ]);
    expect(log.planned.map((a) => a.title)).toEqual(['Level 3 maths']);
    expect(log.canEdit).toBe(true);
    expect(await auditActions(seeded.own.trustId)).toContain('cpd.added');
  });

  it('refuses unknown items, a done activity in the future and a done activity without a date', async () => {
    const staff = await actorOf(seeded.own.users.staff.userId);
    const personId = seeded.own.reportId;
    const refused = async (over: Record<string, unknown>) =>
      addCpdActivity(deps(), staff, personId, activity(over)).catch((e: unknown) => e);
    const unknownItem = await refused({ itemCodes: ['NOPE.1'] });
    expect(unknownItem).toBeInstanceOf(AppError);
    expect(unknownItem instanceof AppError && unknownItem.details[0]?.where).toBe('itemCodes');
    expect(codeOf(await refused({ occurredOn: '2027-01-01' }))).toBe('validation');
    expect(codeOf(await refused({ occurredOn: null }))).toBe('validation');
    expect(codeOf(await refused({ reflection: 'x'.repeat(10_001) }))).toBe('validation');
    expect(codeOf(await refused({ kind: 'holiday' }))).toBe('validation');
  });

  it('lets the line manager read but not write, and refuses another trust', async () => {
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    const personId = seeded.own.reportId;
    expect((await cpdLog(deps(), manager, personId)).canEdit).toBe(false);
    expect(codeOf(await addCpdActivity(deps(), manager, personId, activity()).catch((e: unknown) => e))).toBe('forbidden');
    const stranger = await actorOf(seeded.other.users.school_admin.userId);
    expect(codeOf(await cpdLog(deps(), stranger, personId).catch((e: unknown) => e))).toBe('not_found');
  });

  it('adds a framework suggestion to the plan once, however often it is clicked', async () => {
    const staff = await actorOf(seeded.own.users.staff.userId);
    const personId = seeded.own.reportId;
    const log = await cpdLog(deps(), staff, personId);
    expect(log.suggestions.some((s) => s.roleId === 'TA3' && s.forCurrentRole)).toBe(true);
    expect(log.suggestions.some((s) => !s.forCurrentRole)).toBe(true);
    const suggestion = log.suggestions[0];
    if (!suggestion) throw new Error('no suggestion');
    const first = await planCpdSuggestion(deps(), staff, personId, suggestion.ref);
    const second = await planCpdSuggestion(deps(), staff, personId, suggestion.ref);
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const after = await cpdLog(deps(), staff, personId);
    const planned = after.planned.filter((a) => a.suggestedBy === suggestion.ref);
    expect(planned).toHaveLength(1);
    expect(after.suggestions.find((s) => s.ref === suggestion.ref)?.plannedActivityId).toBe(first.id);
    expect(codeOf(await planCpdSuggestion(deps(), staff, personId, 'TA3/cpdSuggestions/999').catch((e: unknown) => e))).toBe('not_found');
  });

  it('marks a planned activity done, edits and removes, auditing each change', async () => {
    const staff = await actorOf(seeded.own.users.staff.userId);
    const personId = seeded.own.reportId;
    const { id } = await addCpdActivity(
      deps(),
      staff,
      personId,
      activity({ status: 'planned', occurredOn: null, minutes: 0, title: 'Team Teach' }),
    );
    await markCpdDone(deps(), staff, personId, id, { occurredOn: '2026-11-20', minutes: 360 });
    let log = await cpdLog(deps(), staff, personId);
    expect(log.done.find((a) => a.id === id)).toMatchObject({ status: 'done', occurredOn: '2026-11-20', minutes: 360 });
    expect(codeOf(await markCpdDone(deps(), staff, personId, id, { occurredOn: '2026-11-20', minutes: 1 }).catch((e: unknown) => e))).toBe(
      'conflict',
    );
    await updateCpdActivity(
      deps(),
      staff,
      personId,
      id,
      activity({ title: 'Team Teach (renewal)', kind: 'qualification-unit', minutes: 300 }),
    );
    log = await cpdLog(deps(), staff, personId);
    expect(log.done.find((a) => a.id === id)).toMatchObject({ title: 'Team Teach (renewal)', kind: 'qualification-unit', minutes: 300 });
    await removeCpdActivity(deps(), staff, personId, id);
    log = await cpdLog(deps(), staff, personId);
    expect(log.done.some((a) => a.id === id)).toBe(false);
    expect(codeOf(await removeCpdActivity(deps(), staff, personId, id).catch((e: unknown) => e))).toBe('not_found');
    const actions = await auditActions(seeded.own.trustId);
    expect(actions).toContain('cpd.updated');
    expect(actions).toContain('cpd.removed');
  });

  it('refuses a manager before telling whether an activity exists', async () => {
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    const missing = crypto.randomUUID();
    expect(codeOf(await removeCpdActivity(deps(), manager, seeded.own.reportId, missing).catch((e: unknown) => e))).toBe('forbidden');
  });
});
