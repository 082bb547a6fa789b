import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import type { SeededTrust } from './two-trusts.ts';

/**
 * Owner rows for attachment tests, written directly as the evidence and achievement use-cases would,
 * for the seeded staff member (`reportId`) of a trust.
 */
export const insertEvidence = async (
  db: Kysely<Tables>,
  t: SeededTrust,
  now: Date,
  status: 'draft' | 'submitted' | 'decided',
  returned = false,
) => {
  const id = crypto.randomUUID();
  await db
    .insertInto('evidence_items')
    .values({
      id,
      trust_id: t.trustId,
      person_id: t.reportId,
      kind: 'reflective-account',
      title: 'Phonics group',
      occurred_on: '2026-11-01',
      status,
      created_by: t.users.staff.userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (status !== 'draft') {
    await db
      .insertInto('evidence_claims')
      .values({
        id: crypto.randomUUID(),
        trust_id: t.trustId,
        evidence_id: id,
        item_code: 'HLTA.1',
        status: returned ? 'returned' : status === 'decided' ? 'accepted' : 'claimed',
        feedback: returned ? 'Say more' : null,
        decided_by: status === 'decided' || returned ? t.users.line_manager.userId : null,
        decided_at: status === 'decided' || returned ? now : null,
      })
      .execute();
  }
  return id;
};

export const insertAchievement = async (db: Kysely<Tables>, t: SeededTrust, now: Date) => {
  const id = crypto.randomUUID();
  await db
    .insertInto('achievements')
    .values({
      id,
      trust_id: t.trustId,
      person_id: t.reportId,
      kind: 'qualification',
      details: JSON.stringify({ qualification: 'x' }),
      recorded_by: t.users.staff.userId,
      recorded_at: now,
    })
    .execute();
  return id;
};

export const insertTrainingRecord = async (db: Kysely<Tables>, t: SeededTrust, now: Date) => {
  const kindId = crypto.randomUUID();
  const id = crypto.randomUUID();
  await db
    .insertInto('training_kinds')
    .values({ id: kindId, trust_id: t.trustId, code: `first-aid-${kindId.slice(0, 8)}`, title: 'First aid', validity_months: 36 })
    .execute();
  await db
    .insertInto('training_records')
    .values({
      id,
      trust_id: t.trustId,
      person_id: t.reportId,
      kind_id: kindId,
      completed_on: '2026-10-01',
      expires_on: '2029-10-01',
      provider: null,
      recorded_by: t.users.school_admin.userId,
      recorded_at: now,
    })
    .execute();
  return id;
};
