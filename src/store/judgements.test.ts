import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTrusts } from '../testing/two-trusts.ts';
import { type Judgement, judgements } from './judgements.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from './testing.ts';

describe.each(testDatabaseKinds())('judgements on %s', (kind) => {
  let database: TestDatabase;
  let trustId: string;
  let personId: string;
  let judgedBy: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { own } = await seedTwoTrusts(database.kysely);
    trustId = own.trustId;
    personId = own.reportId;
    judgedBy = own.users.line_manager.userId;
  }, 60_000);
  afterAll(async () => database?.close());

  const judgement = (itemCode: string, value: Judgement['value'], at: string): Judgement => ({
    id: crypto.randomUUID(),
    trustId,
    personId,
    itemCode,
    value,
    source: 'observation',
    evidenceId: null,
    note: null,
    judgedBy,
    judgedAt: new Date(at),
  });

  it('keeps every judgement and reads the latest of each item as current', async () => {
    const store = judgements(database.kysely);
    await store.insert(judgement('HLTA.1', 'developing', '2026-09-10T10:00:00Z'));
    await store.insert(judgement('HLTA.1', 'met', '2026-11-01T10:00:00Z'));
    await store.insert(judgement('HLTA.2', 'developing', '2026-10-01T10:00:00Z'));
    const current = await store.current(trustId, personId);
    expect(current.map((j) => [j.itemCode, j.value])).toEqual([
      ['HLTA.1', 'met'],
      ['HLTA.2', 'developing'],
    ]);
    const history = await store.history(trustId, personId, 'HLTA.1');
    expect(history.map((j) => j.value)).toEqual(['met', 'developing']);
  });

  it('reads nothing for the same person id under another trust', async () => {
    expect(await judgements(database.kysely).current(crypto.randomUUID(), personId)).toEqual([]);
  });
});
