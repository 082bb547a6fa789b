import type { Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit-actions.ts';
import { audit } from '../../store/audit.ts';
import { evidence } from '../../store/evidence.ts';
import { judgements } from '../../store/judgements.ts';
import type { Tables } from '../../store/tables.ts';

type DemoPerson = { personId: string; userId: string };

/**
 * Demo evidence: a decided piece (HLTA.26 accepted and judged met, ST1414.K16 returned with feedback)
 * and a submitted piece waiting in the line manager's "Evidence to review". Audited like real changes.
 */
export const seedDemoEvidence = async (
  trx: Kysely<Tables>,
  options: { trustId: string; clock: () => Date; auditKey: Uint8Array; people: { staff: DemoPerson; lineManager: DemoPerson } },
): Promise<void> => {
  const { trustId, people } = options;
  const now = options.clock();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const store = evidence(trx);
  const log = audit(trx, options.auditKey);
  const id = () => crypto.randomUUID();

  const decidedId = id();
  await store.insert({
    id: decidedId,
    trustId,
    personId: people.staff.personId,
    kind: 'reflective-account',
    title: 'Settling a Year 4 group after lunch',
    occurredOn: isoDay(daysAgo(30)),
    body: 'After lunch the group was unsettled. I used a calm countdown, specific praise for pupils who were ready, and a visual timetable so everyone knew what came next. Within five minutes the group was working.',
    createdBy: people.staff.userId,
    createdAt: daysAgo(29),
    updatedAt: daysAgo(20),
  });
  await store.writeClaims(
    trustId,
    decidedId,
    [
      { itemCode: 'HLTA.26', status: 'accepted', feedback: null, decidedBy: people.lineManager.userId, decidedAt: daysAgo(20) },
      {
        itemCode: 'ST1414.K16',
        status: 'returned',
        feedback: 'Say what you knew about behaviour for learning that made you choose these strategies.',
        decidedBy: people.lineManager.userId,
        decidedAt: daysAgo(20),
      },
    ],
    id,
  );
  await store.setStatus(trustId, decidedId, { status: 'submitted', from: 'draft', at: daysAgo(25) });
  await store.setStatus(trustId, decidedId, { status: 'decided', from: 'submitted', at: daysAgo(20) });
  const judgementId = id();
  await judgements(trx).insert({
    id: judgementId,
    trustId,
    personId: people.staff.personId,
    itemCode: 'HLTA.26',
    value: 'met',
    source: 'evidence',
    evidenceId: decidedId,
    note: null,
    judgedBy: people.lineManager.userId,
    judgedAt: daysAgo(20),
  });

  const waitingId = id();
  await store.insert({
    id: waitingId,
    trustId,
    personId: people.staff.personId,
    kind: 'work-product',
    title: 'Phonics catch-up resources for a small group',
    occurredOn: isoDay(daysAgo(6)),
    body: 'I made decodable reading cards for three pupils who were behind in phase 3 sounds and used them in daily ten-minute sessions.',
    createdBy: people.staff.userId,
    createdAt: daysAgo(6),
    updatedAt: daysAgo(5),
  });
  await store.writeClaims(
    trustId,
    waitingId,
    [{ itemCode: 'HLTA.1', status: 'claimed', feedback: null, decidedBy: null, decidedAt: null }],
    id,
  );
  await store.setStatus(trustId, waitingId, { status: 'submitted', from: 'draft', at: daysAgo(5) });

  const event = (actor: string, action: AuditAction, entity: string, entityId: string) => ({
    trustId,
    actor,
    action,
    entity,
    entityId,
    data: { before: null, after: { demo: true } },
    requestId: null,
  });
  await log.record(
    event(people.staff.userId, 'evidence.created', 'evidence', decidedId),
    event(people.staff.userId, 'evidence.submitted', 'evidence', decidedId),
    event(people.lineManager.userId, 'evidence.decided', 'evidence', decidedId),
    event(people.lineManager.userId, 'judgement.recorded', 'judgement', judgementId),
    event(people.staff.userId, 'evidence.created', 'evidence', waitingId),
    event(people.staff.userId, 'evidence.submitted', 'evidence', waitingId),
  );
};
