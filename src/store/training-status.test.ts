import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, expiryWindows, trainingStatusOn } from '../domain/training/expiry.ts';
import { accounts } from './accounts.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from './testing.ts';
import { training } from './training.ts';

const today = '2026-11-22';
/** Days from today to each person's expiry day: overdue, the boundaries of every window, and beyond. */
const offsets = [-400, -2, -1, 0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 92, 365];

/**
 * The school view classifies in SQL (generated from the domain's bands) and the person's page in
 * TypeScript (trainingStatusOn): for every case and every window they must say the same.
 */
describe.each(testDatabaseKinds())('the training status in SQL and in the domain on %s', (kind) => {
  let database: TestDatabase;
  const trustId = crypto.randomUUID();
  const schoolId = crypto.randomUUID();
  const kinds = {
    everyone: { id: crypto.randomUUID(), validityMonths: 12, appliesTo: 'everyone' as const },
    asNeeded: { id: crypto.randomUUID(), validityMonths: 12, appliesTo: 'as-needed' as const },
    forever: { id: crypto.randomUUID(), validityMonths: null, appliesTo: 'everyone' as const },
  };
  /** Person id → the expiry day of their "everyone" completion (undefined: none). */
  const expiries = new Map<string, string | undefined>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.kysely;
    const now = new Date('2026-11-22T09:00:00Z');
    const organisation = { trust_id: trustId, phase: null, nation: 'england', urn: null, created_at: now };
    await organisations(db).insert({ ...organisation, id: trustId, kind: 'trust', name: 'Status Trust', parent_id: null });
    await organisations(db).insert({ ...organisation, id: schoolId, kind: 'school', name: 'Status School', parent_id: trustId });
    const recorder = crypto.randomUUID();
    await accounts(db).insert({
      id: recorder,
      trust_id: trustId,
      person_id: null,
      email: `${recorder}@status.example`,
      password_hash: null,
    });
    await training(db).insertKindsIfAbsent(
      Object.entries(kinds).map(([code, k], position) => ({ ...k, trustId, code, title: code, position })),
    );
    for (const offset of [...offsets, undefined]) {
      const personId = crypto.randomUUID();
      await people(db).insert({
        id: personId,
        trust_id: trustId,
        organisation_id: schoolId,
        given_name: `Offset ${offset ?? 'none'}`,
        family_name: 'Person',
      });
      const expiresOn = offset === undefined ? undefined : addDays(today, offset);
      expiries.set(personId, expiresOn);
      const record = { trustId, personId, provider: null, recordedBy: recorder, recordedAt: now };
      if (expiresOn) {
        await training(db).insertRecord({
          ...record,
          id: crypto.randomUUID(),
          kindId: kinds.everyone.id,
          completedOn: addDays(expiresOn, -365),
          expiresOn,
        });
        await training(db).insertRecord({
          ...record,
          id: crypto.randomUUID(),
          kindId: kinds.forever.id,
          completedOn: addDays(today, -1),
          expiresOn: null,
        });
      }
    }
  }, 60_000);
  afterAll(async () => database?.close());

  it.each(expiryWindows)('agrees for every person and kind with a %i-day window', async (windowDays) => {
    const cells = await training(database.kysely).peopleWith({ trustId, organisationId: schoolId }, today, windowDays, {
      statuses: ['missing', 'expired', 'expiring', 'valid', 'not-required'],
      limit: 1000,
    });
    expect(cells).toHaveLength(expiries.size * 3);
    for (const cell of cells) {
      const rule = Object.values(kinds).find((k) => k.id === cell.kindId);
      if (!rule) throw new Error(`unexpected kind ${cell.kindId}`);
      const record = cell.completedOn === null ? undefined : { completedOn: cell.completedOn, expiresOn: cell.expiresOn };
      const expected = trainingStatusOn(today, record, rule, windowDays).status;
      expect({ person: cell.givenName, kind: cell.kindId, status: cell.status }).toEqual({
        person: cell.givenName,
        kind: cell.kindId,
        status: expected,
      });
    }
    // Every status occurs, so the comparison covered each branch of the rule.
    expect(new Set(cells.map((c) => c.status))).toEqual(new Set(['missing', 'expired', 'expiring', 'valid', 'not-required']));
  });

  it('counts the same statuses it lists', async () => {
    const counts = await training(database.kysely).countsByStatus({ trustId, organisationId: schoolId }, today, 30);
    // Expired: -400, -2, -1. Expiring within 30 days: 0, 1, 29, 30.
    expect(counts).toMatchObject({ expired: 3, expiring: 4, 'not-required': expiries.size, missing: 2 });
  });
});
