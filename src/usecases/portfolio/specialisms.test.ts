import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { EvaluationNode } from '../../domain/requirements/index.ts';
import { accounts } from '../../store/accounts.ts';
import type { TestDatabase } from '../../store/testing.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed, type PortfolioTestBed, reportActors, trustAuditActions } from '../../testing/portfolio.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import { progressionDeps } from '../progression/deps.ts';
import { gapForPerson, nextStepForPerson } from '../progression/person-progression.ts';
import { portfolioDeps } from './deps.ts';
import { decideSpecialism, readSpecialisms, recordSpecialisms } from './specialisms.ts';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));
const specialismNodes = (node: EvaluationNode): EvaluationNode[] => [
  ...(node.type === 'specialism' ? [node] : []),
  ...node.children.flatMap(specialismNodes),
];

describe.each(testDatabaseKinds())('specialisms recorded by staff and confirmed by the line manager on %s', (kind) => {
  let bed: PortfolioTestBed;
  let database: TestDatabase;
  let now = new Date('2026-12-03T10:00:00Z');
  const deps = () => portfolioDeps(bed.context, 'test-request');
  const specialismRule = async (actor: Awaited<ReturnType<typeof reportActors>>['staff']) => {
    const result = await gapForPerson(progressionDeps(bed.context), actor, bed.own.reportId, 'TA4');
    const nodes = result.gap.rules.flatMap((r) => specialismNodes(r.node));
    expect(nodes.length).toBeGreaterThan(0);
    return { result, node: nodes[0] };
  };

  beforeAll(async () => {
    bed = await openPortfolioTestBed(kind, () => now);
    database = bed.database;
    // Nothing on the staff record, so only what the portfolio records can meet the rule.
    await database.kysely.updateTable('people').set({ specialisms: [] }).where('id', '=', bed.own.reportId).execute();
  });
  afterAll(() => database.close());

  it('offers the specialisms the framework data names, with the profile wording of the person’s role', async () => {
    const { staff } = await reportActors(bed);
    const read = await readSpecialisms(deps(), staff, bed.own.reportId);
    expect(read.specialisms.map((s) => s.letter)).toEqual(['a', 'b', 'c', 'd']);
    expect(read.specialisms.every((s) => s.code.startsWith('TA3.'))).toBe(true);
    expect(read.specialisms[1]?.text).toBe('Provide specialist support to pupils where English is not their first language');
    expect(read.can).toEqual({ record: true, decide: false });
  });

  it('counts a specialism for the gap only once the line manager confirms it, and keeps the history', async () => {
    const { staff, manager } = await reportActors(bed);
    expect(await recordSpecialisms(deps(), staff, bed.own.reportId, { letters: ['b'] })).toEqual({ recorded: ['b'], withdrawn: [] });

    // Recorded, not confirmed: the rule is still to do, and the person's state says it is awaiting confirmation.
    const before = await specialismRule(staff);
    expect(before.node?.status).toBe('not-met');
    expect(before.result.awaitingSpecialisms).toEqual(['b']);
    expect(before.result.basis.join(' ')).toContain('awaiting confirmation');
    const next = await nextStepForPerson(progressionDeps(bed.context), staff, bed.own.reportId);
    expect(next.awaitingSpecialisms).toEqual(['b']);

    // The manager is told, sees it waiting and confirms it.
    const told = await database.kysely
      .selectFrom('notifications')
      .select(['kind', 'href'])
      .where('user_id', '=', bed.own.users.line_manager.userId)
      .execute();
    expect(told).toContainEqual({ kind: 'specialism.recorded', href: `/people/${bed.own.reportId}/portfolio/specialisms` });
    const waiting = await readSpecialisms(deps(), manager, bed.own.reportId);
    expect(waiting.can).toEqual({ record: false, decide: true });
    const record = waiting.specialisms.find((s) => s.letter === 'b')?.current;
    expect(record?.status).toBe('awaiting');
    now = new Date('2026-12-04T09:30:00Z');
    const confirmed = await decideSpecialism(deps(), manager, bed.own.reportId, record?.id ?? '', { decision: 'confirm' });
    expect(confirmed.status).toBe('confirmed');

    const after = await specialismRule(staff);
    expect(after.node?.status).toBe('met');
    expect(after.node?.evidence).toEqual(['specialism b']);
    expect(after.result.awaitingSpecialisms).toEqual([]);

    // History: who recorded it and when, who confirmed it and when; the staff member was told.
    const history = (await readSpecialisms(deps(), staff, bed.own.reportId)).history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      letter: 'b',
      status: 'confirmed',
      recordedBy: { userId: bed.own.users.staff.userId, name: 'alpha staff' },
      recordedAt: new Date('2026-12-03T10:00:00Z'),
      decidedBy: { userId: bed.own.users.line_manager.userId, name: 'alpha linemanager' },
      decidedAt: new Date('2026-12-04T09:30:00Z'),
    });
    const staffTold = await database.kysely
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', bed.own.users.staff.userId)
      .execute();
    expect(staffTold.map((n) => n.kind)).toContain('specialism.confirmed');
    const actions = await trustAuditActions(database.kysely, bed.own.trustId);
    expect(actions).toContain('specialism.recorded');
    expect(actions).toContain('specialism.confirmed');
  });

  it('declines with a note only, and a declined or withdrawn specialism does not count', async () => {
    const { staff, manager } = await reportActors(bed);
    await recordSpecialisms(deps(), staff, bed.own.reportId, { letters: ['b', 'c'] });
    const c = (await readSpecialisms(deps(), manager, bed.own.reportId)).specialisms.find((s) => s.letter === 'c')?.current;
    await expect(decideSpecialism(deps(), manager, bed.own.reportId, c?.id ?? '', { decision: 'decline' })).rejects.toSatisfy(
      (e) => codeOf(e) === 'validation',
    );
    const declined = await decideSpecialism(deps(), manager, bed.own.reportId, c?.id ?? '', {
      decision: 'decline',
      note: 'You support a Year 2 class, not a gifted group',
    });
    expect(declined).toMatchObject({ status: 'declined', decisionNote: 'You support a Year 2 class, not a gifted group' });
    await expect(decideSpecialism(deps(), manager, bed.own.reportId, c?.id ?? '', { decision: 'confirm' })).rejects.toSatisfy(
      (e) => codeOf(e) === 'conflict',
    );
    // Unticking b withdraws the confirmed record: it no longer counts.
    expect(await recordSpecialisms(deps(), staff, bed.own.reportId, { letters: [] })).toEqual({ recorded: [], withdrawn: ['b'] });
    expect((await specialismRule(staff)).node?.status).toBe('not-met');
    const history = (await readSpecialisms(deps(), staff, bed.own.reportId)).history;
    expect(history.map((h) => `${h.letter} ${h.status}`).sort()).toEqual(['b withdrawn', 'c declined']);
  });

  it('lets neither a colleague who is not the manager nor the person confirm, and hides the person from another trust', async () => {
    const { staff, manager, otherAdmin } = await reportActors(bed);
    await recordSpecialisms(deps(), staff, bed.own.reportId, { letters: ['d'] });
    const d = (await readSpecialisms(deps(), manager, bed.own.reportId)).specialisms.find((s) => s.letter === 'd')?.current;
    // A line manager at the same school who does not manage this person.
    await accounts(database.kysely).assignRole({
      id: crypto.randomUUID(),
      trust_id: bed.own.trustId,
      user_id: bed.own.users.partnership_coordinator.userId,
      role: 'line_manager',
      organisation_id: bed.own.schoolId,
    });
    const colleague = await loadActor(database.kysely, bed.own.users.partnership_coordinator.userId);
    const confirm = { decision: 'confirm' };
    await expect(decideSpecialism(deps(), colleague, bed.own.reportId, d?.id ?? '', confirm)).rejects.toSatisfy(
      (e) => codeOf(e) === 'forbidden',
    );
    await expect(decideSpecialism(deps(), staff, bed.own.reportId, d?.id ?? '', confirm)).rejects.toSatisfy(
      (e) => codeOf(e) === 'forbidden',
    );
    await expect(decideSpecialism(deps(), otherAdmin, bed.own.reportId, d?.id ?? '', confirm)).rejects.toSatisfy(
      (e) => codeOf(e) === 'not_found',
    );
    await expect(readSpecialisms(deps(), otherAdmin, bed.own.reportId)).rejects.toSatisfy((e) => codeOf(e) === 'not_found');
    await expect(recordSpecialisms(deps(), otherAdmin, bed.own.reportId, { letters: ['a'] })).rejects.toSatisfy(
      (e) => codeOf(e) === 'not_found',
    );
    // The manager cannot record for the person: the choice is theirs (or an admin's, recording for them).
    await expect(recordSpecialisms(deps(), manager, bed.own.reportId, { letters: ['a'] })).rejects.toSatisfy(
      (e) => codeOf(e) === 'forbidden',
    );
    expect((await readSpecialisms(deps(), staff, bed.own.reportId)).specialisms.find((s) => s.letter === 'd')?.current?.status).toBe(
      'awaiting',
    );
  });

  it('refuses letters the framework data does not name', async () => {
    const { staff } = await reportActors(bed);
    await expect(recordSpecialisms(deps(), staff, bed.own.reportId, { letters: ['z'] })).rejects.toSatisfy(
      (e) => codeOf(e) === 'validation',
    );
  });
});
