import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import type { Database } from '../../store/database.ts';
import { judgements } from '../../store/judgements.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed } from '../../testing/portfolio.ts';
import { loadActor, type SeededTrust } from '../../testing/two-trusts.ts';
import { listAchievements, removeAchievement } from './achievements.ts';
import type { PortfolioDeps } from './deps.ts';
import { awardHltaStatus, hltaStanding, recordExternalHltaStatus, revokeHltaStatus } from './hlta-status.ts';

describe.each(testDatabaseKinds())('HLTA status on %s', (kind) => {
  let database: Database;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let head: Actor;
  let admin: Actor;
  let staff: Actor;
  let otherHead: Actor;
  const time = new Date('2026-11-22T10:00:00Z');
  const load = (userId: string) => loadActor(database.kysely, userId);
  beforeAll(async () => {
    ({ database, deps, own, other } = await openPortfolioTestBed(kind, () => time));
    admin = await load(own.users.school_admin.userId);
    staff = await load(own.users.staff.userId);
    // The same school admin, now marked as the school's headteacher (the actor above was loaded before).
    await database.kysely
      .updateTable('role_assignments')
      .set({ headteacher: true })
      .where('user_id', 'in', [own.users.school_admin.userId, other.users.school_admin.userId])
      .execute();
    head = await load(own.users.school_admin.userId);
    otherHead = await load(other.users.school_admin.userId);
  });
  afterAll(async () => {
    await database?.close();
  });

  const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;
  /** The seeded report as the subject whose standing is asked about; only the ids matter to the standing. */
  const reportSubject = () => ({
    id: own.reportId,
    trustId: own.trustId,
    organisationId: own.schoolId,
    name: '',
    gradedRole: null,
    specialisms: [],
    lineManagerId: null,
    phase: null,
    nation: null,
  });
  const judgeAll = async (codes: string[]) => {
    for (const [i, code] of codes.entries())
      await judgements(database.kysely).insert({
        id: crypto.randomUUID(),
        trustId: own.trustId,
        personId: own.reportId,
        itemCode: code,
        value: 'met',
        source: 'observation',
        evidenceId: null,
        note: null,
        judgedBy: own.users.line_manager.userId,
        judgedAt: new Date(time.getTime() - (codes.length - i) * 1000),
      });
  };

  it('refuses anyone but the headteacher of the person’s school', async () => {
    expect(admin.assignments.some((a) => a.headteacher)).toBe(false);
    await expect(awardHltaStatus(deps, admin, own.reportId, { awardedOn: '2026-11-01' })).rejects.toEqual(refusal('forbidden'));
    await expect(awardHltaStatus(deps, staff, own.reportId, { awardedOn: '2026-11-01' })).rejects.toEqual(refusal('forbidden'));
    // Another trust's headteacher is told the person does not exist, exactly as for an unknown id.
    await expect(awardHltaStatus(deps, otherHead, own.reportId, { awardedOn: '2026-11-01' })).rejects.toEqual(refusal('not_found'));
  });

  it('refuses until all 33 standards are judged met, listing those that are not', async () => {
    const standing = await hltaStanding(deps, reportSubject());
    expect(standing.required).toHaveLength(33);
    await judgeAll(standing.required.slice(0, 30));
    const refused: unknown = await awardHltaStatus(deps, head, own.reportId, { awardedOn: '2026-11-01' }).catch((e: unknown) => e);
    if (!isAppError(refused)) throw new Error('expected the award to be refused');
    expect(refused.code).toBe('conflict');
    expect(refused.details.map((d) => d.where)).toEqual(standing.required.slice(30));
    expect(refused.message).toContain('30 of 33');
  });

  it('refuses a date in the future', async () => {
    await expect(awardHltaStatus(deps, head, own.reportId, { awardedOn: '2026-11-23' })).rejects.toEqual(refusal('validation'));
  });

  it('awards the status once all are met, audits it and tells the person', async () => {
    await judgeAll((await hltaStanding(deps, reportSubject())).notMet);
    const award = await awardHltaStatus(deps, head, own.reportId, { awardedOn: '2026-11-22' });
    expect(award.details).toEqual({ kind: 'status', status: 'HLTA_STATUS', awardedOn: '2026-11-22', statusKind: 'school-recognition' });
    expect((await listAchievements(deps, staff, own.reportId)).achievements.map((a) => a.id)).toContain(award.id);
    const event = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', 'hltaStatus.awarded')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe(own.users.school_admin.userId);
    const notes = await database.kysely
      .selectFrom('notifications')
      .select(['user_id', 'message'])
      .where('kind', '=', 'hltaStatus.awarded')
      .execute();
    expect(notes).toEqual([
      { user_id: own.users.staff.userId, message: expect.stringContaining('Higher Level Teaching Assistant status') },
    ]);
    await expect(awardHltaStatus(deps, head, own.reportId, { awardedOn: '2026-11-22' })).rejects.toEqual(refusal('conflict'));
    await expect(removeAchievement(deps, staff, own.reportId, award.id)).rejects.toEqual(refusal('conflict'));
  });

  it('lets the headteacher revoke it, audited', async () => {
    await expect(revokeHltaStatus(deps, staff, own.reportId)).rejects.toEqual(refusal('forbidden'));
    await revokeHltaStatus(deps, head, own.reportId);
    expect((await listAchievements(deps, staff, own.reportId)).achievements.some((a) => a.details.kind === 'status')).toBe(false);
    const event = await database.kysely
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'hltaStatus.revoked')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ after: null });
    await expect(revokeHltaStatus(deps, head, own.reportId)).rejects.toEqual(refusal('conflict'));
  });

  const external = { provider: 'HLTA North of England', assessedOn: '2025-06-10', awardedOn: '2025-07-01', certificateNumber: 'HNAP-1234' };

  it('records HLTA status from external assessment beside the school recognition: by the person, audited, with its kind in SQL', async () => {
    // Another trust's headteacher is told there is no such person.
    await expect(recordExternalHltaStatus(deps, otherHead, own.reportId, external)).rejects.toEqual(refusal('not_found'));
    await expect(recordExternalHltaStatus(deps, staff, own.reportId, { ...external, provider: '' })).rejects.toEqual(refusal('validation'));
    await expect(recordExternalHltaStatus(deps, staff, own.reportId, { ...external, awardedOn: '2026-12-01' })).rejects.toEqual(
      refusal('validation'),
    );
    await expect(recordExternalHltaStatus(deps, staff, own.reportId, { ...external, awardedOn: '2025-06-01' })).rejects.toEqual(
      refusal('validation'),
    );
    const stored = await recordExternalHltaStatus(deps, staff, own.reportId, external);
    expect(stored.details).toEqual({ kind: 'status', status: 'HLTA_STATUS', statusKind: 'external-assessment', ...external });
    const standing = await hltaStanding(deps, reportSubject());
    expect(standing.external?.id).toBe(stored.id);
    expect(standing.award).toBeUndefined();
    const row = await database.kysely
      .selectFrom('achievements')
      .select(['status_kind', 'achieved_on'])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(row.status_kind).toBe('external-assessment');
    const event = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', 'hltaStatus.externalRecorded')
      .executeTakeFirstOrThrow();
    expect(event.actor).toBe(own.users.staff.userId);
    expect(event.data).toMatchObject({ provider: 'HLTA North of England', after: { statusKind: 'external-assessment' } });
    await expect(recordExternalHltaStatus(deps, staff, own.reportId, external)).rejects.toEqual(refusal('conflict'));
  });

  it('lets the headteacher recognise the status for the school while external status is held, and keeps both', async () => {
    const award = await awardHltaStatus(deps, head, own.reportId, { awardedOn: '2026-11-22' });
    const standing = await hltaStanding(deps, reportSubject());
    expect(standing.award?.id).toBe(award.id);
    expect(standing.external?.details).toMatchObject({ statusKind: 'external-assessment' });
    const kinds = (await listAchievements(deps, staff, own.reportId)).achievements
      .map((a) => (a.details.kind === 'status' ? a.details.statusKind : undefined))
      .filter(Boolean)
      .sort();
    expect(kinds).toEqual(['external-assessment', 'school-recognition']);
  });

  it('lets the person remove a mistaken external record, but not the headteacher’s recognition', async () => {
    const standing = await hltaStanding(deps, reportSubject());
    if (!standing.external || !standing.award) throw new Error('expected both records');
    await removeAchievement(deps, staff, own.reportId, standing.external.id);
    await expect(removeAchievement(deps, staff, own.reportId, standing.award.id)).rejects.toEqual(refusal('conflict'));
    expect((await hltaStanding(deps, reportSubject())).external).toBeUndefined();
  });
});
