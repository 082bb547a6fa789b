import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../contracts/errors.ts';
import type { Actor } from '../../../domain/policy/actor.ts';
import type { Database } from '../../../store/database.ts';
import { evidence } from '../../../store/evidence.ts';
import { judgements } from '../../../store/judgements.ts';
import { testDatabaseKinds } from '../../../store/testing.ts';
import { openPortfolioTestBed } from '../../../testing/portfolio.ts';
import { loadActor, type SeededTrust } from '../../../testing/two-trusts.ts';
import { type PortfolioDeps, portfolioDeps } from '../deps.ts';
import { decideEvidence } from './decide-evidence.ts';
import { judgementsOfPerson, listEvidence, reviewQueue, showEvidence } from './evidence-queries.ts';
import { markAllRead, myNotifications, unreadCount } from './my-notifications.ts';
import { recordObservation } from './record-judgement.ts';
import { submitEvidence } from './submit-evidence.ts';
import { createEvidence, deleteDraft, updateEvidence } from './write-evidence.ts';

const input = (over: Record<string, unknown> = {}) => ({
  kind: 'reflective-account',
  title: 'Calming a Year 4 group after lunch',
  occurredOn: '2026-10-12',
  body: 'I used a visual timetable and praise to settle the group.',
  claims: ['HLTA.26', 'ST1414.K16'],
  ...over,
});
const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;

describe.each(testDatabaseKinds())('the evidence workflow on %s', (kind) => {
  let database: Database;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let who: Record<'staff' | 'manager' | 'admin' | 'otherManager' | 'foreignManager', Actor>;
  let time = new Date('2026-11-02T09:00:00Z');

  beforeAll(async () => {
    const bed = await openPortfolioTestBed(kind, () => time);
    const { context } = bed;
    ({ database, own, other } = bed);
    // The partnership coordinator line-manages someone else, so they are "a line manager, but not this person's".
    await database.kysely
      .updateTable('people')
      .set({ line_manager_id: own.users.partnership_coordinator.personId })
      .where('id', '=', own.otherPersonId)
      .execute();
    const load = (userId: string) => loadActor(database.kysely, userId);
    who = {
      staff: await load(own.users.staff.userId),
      manager: await load(own.users.line_manager.userId),
      admin: await load(own.users.school_admin.userId),
      otherManager: await load(own.users.partnership_coordinator.userId),
      foreignManager: await load(other.users.line_manager.userId),
    };
    deps = { ...portfolioDeps(context), clock: () => time };
  });
  afterAll(async () => {
    await database?.close();
  });

  const auditActions = async (entityId: string) =>
    (await database.kysely.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('id').execute()).map(
      (e) => e.action,
    );

  it('takes evidence from draft to decided, claim by claim, auditing and notifying each step', async () => {
    const draft = await createEvidence(deps, who.staff, own.reportId, input());
    expect(draft.status).toBe('draft');
    expect(draft.claims.map((c) => c.itemCode)).toEqual(['HLTA.26', 'ST1414.K16']);
    await expect(submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: false })).rejects.toEqual(
      refusal('validation'),
    );
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    expect(await unreadCount(deps, who.manager)).toBe(1);

    const queue = await reviewQueue(deps, who.manager);
    expect(queue.map((q) => q.id)).toContain(draft.id);
    expect(await reviewQueue(deps, who.foreignManager)).toEqual([]);

    time = new Date('2026-11-05T09:00:00Z');
    await decideEvidence(deps, who.manager, own.reportId, draft.id, {
      decisions: [
        { itemCode: 'HLTA.26', outcome: 'accepted' },
        { itemCode: 'ST1414.K16', outcome: 'returned', feedback: 'Say what you knew about behaviour for learning' },
      ],
    });
    const decided = await showEvidence(deps, who.staff, own.reportId, draft.id);
    expect(decided.item.status).toBe('decided');
    expect(decided.item.claims.map((c) => [c.itemCode, c.status])).toEqual([
      ['HLTA.26', 'accepted'],
      ['ST1414.K16', 'returned'],
    ]);
    const current = await judgements(database.kysely).current(own.trustId, own.reportId);
    expect(current).toEqual([expect.objectContaining({ itemCode: 'HLTA.26', value: 'met', source: 'evidence', evidenceId: draft.id })]);
    expect((await myNotifications(deps, who.staff)).map((n) => n.kind)).toEqual(['evidence.decided']);
    const outbox = await database.kysely.selectFrom('outbox_messages').select('recipient').where('trust_id', '=', own.trustId).execute();
    expect(outbox.map((m) => m.recipient)).toEqual(expect.arrayContaining([own.users.line_manager.email, own.users.staff.email]));

    // The returned claim is improved and resubmitted; the accepted one stays locked even if unticked.
    const revised = await updateEvidence(deps, who.staff, own.reportId, draft.id, input({ claims: ['ST1414.K16', 'ST1414.S1'] }));
    expect(revised.claims.map((c) => [c.itemCode, c.status])).toEqual([
      ['HLTA.26', 'accepted'],
      ['ST1414.K16', 'returned'],
      ['ST1414.S1', 'claimed'],
    ]);
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    await decideEvidence(deps, who.manager, own.reportId, draft.id, {
      decisions: [
        { itemCode: 'ST1414.K16', outcome: 'accepted' },
        { itemCode: 'ST1414.S1', outcome: 'accepted' },
      ],
    });
    const view = await judgementsOfPerson(deps, who.staff, own.reportId);
    expect(view.current.map((j) => j.itemCode).sort()).toEqual(['HLTA.26', 'ST1414.K16', 'ST1414.S1']);
    expect(view.canRecord).toBe(false);
    expect(await auditActions(draft.id)).toEqual([
      'evidence.created',
      'evidence.submitted',
      'evidence.decided',
      'evidence.updated',
      'evidence.submitted',
      'evidence.decided',
    ]);
    const recorded = await database.kysely
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'judgement.recorded')
      .where('trust_id', '=', own.trustId)
      .execute();
    expect(recorded).toHaveLength(3);
  });

  it('refuses the author, another line manager and another trust a decision', async () => {
    const draft = await createEvidence(deps, who.staff, own.reportId, input({ claims: ['HLTA.26'] }));
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    const accept = { decisions: [{ itemCode: 'HLTA.26', outcome: 'accepted' }] };
    await expect(decideEvidence(deps, who.staff, own.reportId, draft.id, accept)).rejects.toEqual(refusal('forbidden'));
    await expect(decideEvidence(deps, who.otherManager, own.reportId, draft.id, accept)).rejects.toEqual(refusal('forbidden'));
    await expect(decideEvidence(deps, who.admin, own.reportId, draft.id, accept)).rejects.toEqual(refusal('forbidden'));
    await expect(decideEvidence(deps, who.foreignManager, own.reportId, draft.id, accept)).rejects.toEqual(refusal('not_found'));
    await expect(showEvidence(deps, who.foreignManager, own.reportId, draft.id)).rejects.toEqual(refusal('not_found'));
    await expect(listEvidence(deps, who.foreignManager, own.reportId)).rejects.toEqual(refusal('not_found'));
    expect((await showEvidence(deps, who.staff, own.reportId, draft.id)).can).toEqual({ edit: true, decide: false });
    expect((await showEvidence(deps, who.manager, own.reportId, draft.id)).can).toEqual({ edit: false, decide: true });
  });

  it('an invalid decision in the middle of the list changes nothing', async () => {
    const draft = await createEvidence(deps, who.staff, own.reportId, input({ claims: ['HLTA.26', 'ST1414.K16', 'ST1414.S1'] }));
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    const before = await judgements(database.kysely).history(own.trustId, own.reportId, 'HLTA.26');
    await expect(
      decideEvidence(deps, who.manager, own.reportId, draft.id, {
        decisions: [
          { itemCode: 'HLTA.26', outcome: 'accepted' },
          { itemCode: 'NOT.A.CLAIM', outcome: 'accepted' },
          { itemCode: 'ST1414.S1', outcome: 'accepted' },
        ],
      }),
    ).rejects.toEqual(refusal('validation'));
    const after = await evidence(database.kysely).find(own.trustId, draft.id);
    expect(after?.status).toBe('submitted');
    expect(after?.claims.every((c) => c.status === 'claimed')).toBe(true);
    expect(await judgements(database.kysely).history(own.trustId, own.reportId, 'HLTA.26')).toHaveLength(before.length);
    expect(await auditActions(draft.id)).toEqual(['evidence.created', 'evidence.submitted']);
  });

  it('applies only one of two decisions made at the same moment: the other is told to reload', async () => {
    const draft = await createEvidence(deps, who.staff, own.reportId, input({ claims: ['HLTA.25'] }));
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    const decision = { decisions: [{ itemCode: 'HLTA.25', outcome: 'accepted' }] };
    const outcomes = await Promise.allSettled([
      decideEvidence(deps, who.manager, own.reportId, draft.id, decision),
      decideEvidence(deps, who.manager, own.reportId, draft.id, decision),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toEqual({ status: 'rejected', reason: refusal('conflict') });
    const judged = await database.kysely.selectFrom('judgements').select('id').where('evidence_id', '=', draft.id).execute();
    expect(judged).toHaveLength(1);
    expect(await auditActions(draft.id)).toEqual(['evidence.created', 'evidence.submitted', 'evidence.decided']);
  });

  it('checks input: unknown items, future dates, and only the person writes their evidence', async () => {
    await expect(createEvidence(deps, who.staff, own.reportId, input({ claims: ['NOPE.1'] }))).rejects.toEqual(refusal('validation'));
    await expect(createEvidence(deps, who.staff, own.reportId, input({ occurredOn: '2027-01-01' }))).rejects.toEqual(refusal('validation'));
    await expect(createEvidence(deps, who.manager, own.reportId, input())).rejects.toEqual(refusal('forbidden'));
    const draft = await createEvidence(deps, who.staff, own.reportId, input());
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    await expect(updateEvidence(deps, who.staff, own.reportId, draft.id, input())).rejects.toEqual(refusal('conflict'));
    await expect(deleteDraft(deps, who.staff, own.reportId, draft.id)).rejects.toEqual(refusal('conflict'));
    const second = await createEvidence(deps, who.staff, own.reportId, input({ claims: [] }));
    await expect(submitEvidence(deps, who.staff, own.reportId, second.id, { pupilsAnonymised: true })).rejects.toEqual(refusal('conflict'));
    await deleteDraft(deps, who.staff, own.reportId, second.id);
    await expect(showEvidence(deps, who.staff, own.reportId, second.id)).rejects.toEqual(refusal('not_found'));
    expect(await auditActions(second.id)).toEqual(['evidence.created', 'evidence.deleted']);
  });

  it('records judgements from observation with history, for the manager only', async () => {
    await recordObservation(deps, who.manager, own.reportId, { itemCode: 'HLTA.1', value: 'developing', note: 'Seen in phonics' });
    time = new Date('2026-12-01T09:00:00Z');
    await recordObservation(deps, who.manager, own.reportId, { itemCode: 'HLTA.1', value: 'met' });
    await expect(recordObservation(deps, who.staff, own.reportId, { itemCode: 'HLTA.1', value: 'met' })).rejects.toEqual(
      refusal('forbidden'),
    );
    await expect(recordObservation(deps, who.manager, own.reportId, { itemCode: 'HLTA.1', value: 'great' })).rejects.toEqual(
      refusal('validation'),
    );
    const view = await judgementsOfPerson(deps, who.manager, own.reportId);
    expect(view.canRecord).toBe(true);
    expect(view.history.get('HLTA.1')?.map((j) => j.value)).toEqual(['met', 'developing']);
  });

  it('keeps notifications to their owner and marks them read', async () => {
    expect(await unreadCount(deps, who.staff)).toBeGreaterThan(0);
    await markAllRead(deps, who.staff);
    expect(await unreadCount(deps, who.staff)).toBe(0);
    expect(await myNotifications(deps, who.foreignManager)).toEqual([]);
  });
});
