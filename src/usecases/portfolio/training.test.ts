import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { defaultTrainingKinds } from '../../domain/training/default-training-kinds.ts';
import { type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { training } from '../../store/training.ts';
import { testKeys } from '../../testing/context.ts';
import { openPortfolioTestBed, type PortfolioTestBed, trustAuditActions } from '../../testing/portfolio.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import type { AppContext } from '../context.ts';
import { portfolioDeps } from './deps.ts';
import { personTraining, recordTraining, removeTraining, schoolTraining } from './training.ts';
import { addTrainingKind, ensureTrainingKinds, retireTrainingKind, trainingKindsOf, updateTrainingKind } from './training-kinds.ts';

describe.each(testDatabaseKinds())('mandatory training on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let seeded: Pick<PortfolioTestBed, 'own' | 'other'>;
  const now = new Date('2026-11-22T12:00:00Z');
  const deps = () => portfolioDeps(context, 'test-request');
  const actorOf = (userId: string): Promise<Actor> => loadActor(database.kysely, userId);
  const kindId = async (trustId: string, code: string) => {
    const found = (await training(database.kysely).kinds(trustId)).find((k) => k.code === code);
    if (!found) throw new Error(`no kind ${code}`);
    return found.id;
  };
  const auditActions = (trustId: string) => trustAuditActions(database.kysely, trustId);

  beforeAll(async () => {
    ({ database, context, ...seeded } = await openPortfolioTestBed(kind, () => now));
  });
  afterAll(() => database.close());

  it('creates the default kinds once per trust, however often it is asked', async () => {
    const trustId = seeded.own.trustId;
    await Promise.all([1, 2, 3].map(() => database.kysely.transaction().execute((trx) => ensureTrainingKinds(trx, trustId, testKeys))));
    const kinds = await training(database.kysely).kinds(trustId);
    expect(kinds.map((k) => k.code).sort()).toEqual(defaultTrainingKinds.map((k) => k.code).sort());
    expect(kinds.find((k) => k.code === 'first-aid')?.validityMonths).toBe(36);
    const added = await database.kysely
      .selectFrom('audit_events')
      .select('actor')
      .where('trust_id', '=', trustId)
      .where('action', '=', 'trainingKind.added')
      .execute();
    expect(added).toHaveLength(defaultTrainingKinds.length);
    expect(new Set(added.map((a) => a.actor))).toEqual(new Set(['system']));
  });

  it('records a completion with the expiry from the kind, and audits it', async () => {
    const admin = await actorOf(seeded.own.users.school_admin.userId);
    const firstAid = await kindId(seeded.own.trustId, 'first-aid');
    const record = await recordTraining(deps(), admin, seeded.own.reportId, {
      kindId: firstAid,
      completedOn: '2024-05-31',
      expiresOn: undefined,
      provider: 'St John Ambulance',
    });
    expect(record.expiresOn).toBe('2027-05-31');
    expect(await auditActions(seeded.own.trustId)).toContain('training.recorded');
    const shown = await personTraining(deps(), admin, seeded.own.reportId);
    const row = shown.kinds.find((k) => k.kind.code === 'first-aid');
    expect(row?.status).toEqual({ status: 'valid', expiresOn: '2027-05-31' });
    expect(shown.kinds.find((k) => k.kind.code === 'safeguarding')?.status).toEqual({ status: 'missing' });
    expect(shown.kinds.find((k) => k.kind.code === 'asthma')?.status).toEqual({ status: 'not-required' });
  });

  it('lets staff record their own training but not a line manager, nor another trust', async () => {
    const safeguarding = await kindId(seeded.own.trustId, 'safeguarding');
    const input = { kindId: safeguarding, completedOn: '2025-12-01', expiresOn: undefined, provider: null };
    const staff = await actorOf(seeded.own.users.staff.userId);
    expect((await recordTraining(deps(), staff, seeded.own.reportId, input)).expiresOn).toBe('2026-12-01');
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    await expect(recordTraining(deps(), manager, seeded.own.reportId, input)).rejects.toMatchObject({ code: 'forbidden' });
    const otherAdmin = await actorOf(seeded.other.users.trust_admin.userId);
    await expect(recordTraining(deps(), otherAdmin, seeded.own.reportId, input)).rejects.toMatchObject({ code: 'not_found' });
    // The line manager can still read the portfolio's training.
    expect((await personTraining(deps(), manager, seeded.own.reportId)).canRecord).toBe(false);
  });

  it('refuses a future completion, an expiry before completion, and another trust’s kind', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const safeguarding = await kindId(seeded.own.trustId, 'safeguarding');
    await expect(
      recordTraining(deps(), admin, seeded.own.reportId, { kindId: safeguarding, completedOn: '2026-11-23', provider: null }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      recordTraining(deps(), admin, seeded.own.reportId, {
        kindId: safeguarding,
        completedOn: '2026-01-01',
        expiresOn: '2025-01-01',
        provider: null,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await database.kysely.transaction().execute((trx) => ensureTrainingKinds(trx, seeded.other.trustId, testKeys));
    const foreign = await kindId(seeded.other.trustId, 'safeguarding');
    await expect(
      recordTraining(deps(), admin, seeded.own.reportId, { kindId: foreign, completedOn: '2026-01-01', provider: null }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('removes a record and audits it', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const health = await kindId(seeded.own.trustId, 'health-and-safety');
    const record = await recordTraining(deps(), admin, seeded.own.otherPersonId, {
      kindId: health,
      completedOn: '2026-01-01',
      provider: null,
    });
    await removeTraining(deps(), admin, seeded.own.otherPersonId, record.id);
    expect(await training(database.kysely).findRecord(seeded.own.trustId, seeded.own.otherPersonId, record.id)).toBeUndefined();
    expect(await auditActions(seeded.own.trustId)).toContain('training.removed');
    await expect(removeTraining(deps(), admin, seeded.own.otherPersonId, record.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a school who is out of date or expiring, by window and kind, with counts', async () => {
    const admin = await actorOf(seeded.own.users.school_admin.userId);
    const dataProtection = await kindId(seeded.own.trustId, 'data-protection');
    // Expires 2026-12-10: within 30 days of 2026-11-22.
    await recordTraining(deps(), admin, seeded.own.otherPersonId, {
      kindId: dataProtection,
      completedOn: '2024-12-10',
      provider: null,
    });
    const view30 = await schoolTraining(deps(), admin, seeded.own.schoolId, { window: 30, kind: dataProtection });
    const other = view30.rows.find((r) => r.personId === seeded.own.otherPersonId);
    expect(other?.cells[dataProtection]).toEqual({ status: 'expiring', completedOn: '2024-12-10', expiresOn: '2026-12-10' });
    // And the staff member's safeguarding (2025-12-01 + 12 months).
    expect(view30.counts.expiring).toBe(2);
    // Everyone without data protection training is missing it.
    expect(view30.rows.length).toBeGreaterThan(1);
    // The leaver is not listed.
    expect(view30.rows.some((r) => r.personId === seeded.own.leaverId)).toBe(false);
    const manager = await actorOf(seeded.own.users.line_manager.userId);
    await expect(schoolTraining(deps(), manager, seeded.own.schoolId, { window: 30 })).rejects.toMatchObject({ code: 'forbidden' });
    const otherAdmin = await actorOf(seeded.other.users.school_admin.userId);
    await expect(schoolTraining(deps(), otherAdmin, seeded.own.schoolId, { window: 30 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets the trust admin change a validity period, retire a kind and add one, each audited', async () => {
    const trustAdmin = await actorOf(seeded.own.users.trust_admin.userId);
    const trustId = seeded.own.trustId;
    const { kinds } = await trainingKindsOf(deps(), trustAdmin, trustId);
    const asthma = kinds.find((k) => k.code === 'asthma');
    expect(asthma?.source).toMatch(/^UNISON and National Education Trust career framework guidance, Appendix 3/);
    expect(asthma?.source).not.toMatch(/seed|\.txt/i);
    await updateTrainingKind(deps(), trustAdmin, trustId, asthma?.id ?? '', { validityMonths: 24 });
    await retireTrainingKind(deps(), trustAdmin, trustId, await kindId(trustId, 'epilepsy'));
    const added = await addTrainingKind(deps(), trustAdmin, trustId, {
      title: 'Fire marshal',
      validityMonths: null,
      appliesTo: 'as-needed',
    });
    const after = await training(database.kysely).kinds(trustId);
    expect(after.find((k) => k.code === 'asthma')?.validityMonths).toBe(24);
    expect(after.find((k) => k.code === 'epilepsy')?.retiredAt).not.toBeNull();
    expect(after.find((k) => k.id === added)).toMatchObject({ code: 'custom-fire-marshal', validityMonths: null });
    expect(await auditActions(trustId)).toEqual(
      expect.arrayContaining(['trainingKind.updated', 'trainingKind.retired', 'trainingKind.added']),
    );
    // A retired kind is not re-created by the defaults.
    await database.kysely.transaction().execute((trx) => ensureTrainingKinds(trx, trustId, testKeys));
    expect((await training(database.kysely).kinds(trustId)).filter((k) => k.code === 'epilepsy')).toHaveLength(1);
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    await expect(trainingKindsOf(deps(), schoolAdmin, trustId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addTrainingKind(deps(), trustAdmin, trustId, { title: 'fire marshal', validityMonths: 12, appliesTo: 'everyone' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
