import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import type { Database } from '../../store/database.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed } from '../../testing/portfolio.ts';
import { loadActor, type SeededTrust } from '../../testing/two-trusts.ts';
import { gapForPerson } from '../progression/person-progression.ts';
import { addAchievement, listAchievements, removeAchievement, setFlags } from './achievements.ts';
import type { PortfolioDeps } from './deps.ts';

describe.each(testDatabaseKinds())('achievements on %s', (kind) => {
  let database: Database;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let who: Record<'staff' | 'line_manager' | 'school_admin' | 'assessor' | 'otherAdmin', Actor>;
  const time = new Date('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    ({ database, deps, own, other } = await openPortfolioTestBed(kind, () => time));
    const load = (userId: string) => loadActor(database.kysely, userId);
    who = {
      staff: await load(own.users.staff.userId),
      line_manager: await load(own.users.line_manager.userId),
      school_admin: await load(own.users.school_admin.userId),
      assessor: await load(own.users.assessor.userId),
      otherAdmin: await load(other.users.trust_admin.userId),
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  const refusal = (code: string) => expect.objectContaining({ code }) as unknown as AppError;
  const events = (action: string) =>
    database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', action)
      .where('entity_id', '=', own.reportId)
      .execute();

  it('lets the person record a catalogue qualification, units from two awarding organisations and GCSE grades, totalling credits per level', async () => {
    await addAchievement(deps, who.staff, own.reportId, {
      kind: 'qualification',
      qualificationId: 'QCF.L3-CERT-STL',
      achievedOn: '2024-07-01',
    });
    await addAchievement(deps, who.staff, own.reportId, {
      kind: 'unit',
      title: 'Support children with SEN',
      level: 3,
      credits: 5,
      awardingOrganisation: 'CACHE',
      achievedOn: '2023-06-01',
    });
    await addAchievement(deps, who.staff, own.reportId, {
      kind: 'unit',
      title: 'Lead a reading group',
      level: 3,
      credits: 4,
      awardingOrganisation: 'City & Guilds',
      achievedOn: '2023-09-01',
    });
    const list = await listAchievements(deps, who.line_manager, own.reportId);
    expect(list.achievements).toHaveLength(3);
    expect(list.credits.find((c) => c.level === 3)?.credits).toBeGreaterThanOrEqual(9);
    expect((await events('achievement.added')).length).toBe(3);
  });

  it('checks a grade against its scheme and a qualification id against the catalogue', async () => {
    await expect(
      addAchievement(deps, who.staff, own.reportId, { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: 'C' }),
    ).rejects.toEqual(refusal('validation'));
    await expect(
      addAchievement(deps, who.staff, own.reportId, { kind: 'qualification', qualificationId: 'NOPE', achievedOn: '2024-07-01' }),
    ).rejects.toEqual(refusal('validation'));
    await expect(
      addAchievement(deps, who.staff, own.reportId, { kind: 'status', status: 'HLTA_STATUS', awardedOn: '2024-01-01' }),
    ).rejects.toEqual(refusal('validation'));
  });

  it('lets an admin record for the person, refuses the line manager, the assessor and another trust', async () => {
    const input = { kind: 'subject', subject: 'science', scheme: 'gcse-legacy', grade: 'B', achievedOn: '2010-08-20' };
    const added = await addAchievement(deps, who.school_admin, own.reportId, input);
    expect(added.recordedBy).toBe(own.users.school_admin.userId);
    await expect(addAchievement(deps, who.line_manager, own.reportId, input)).rejects.toEqual(refusal('forbidden'));
    await expect(addAchievement(deps, who.assessor, own.reportId, input)).rejects.toEqual(refusal('forbidden'));
    await expect(addAchievement(deps, who.otherAdmin, own.reportId, input)).rejects.toEqual(refusal('not_found'));
    await expect(listAchievements(deps, who.otherAdmin, own.reportId)).rejects.toEqual(refusal('not_found'));
    await expect(removeAchievement(deps, who.line_manager, own.reportId, added.id)).rejects.toEqual(refusal('forbidden'));
  });

  it('removes an achievement, keeping the row, and audits it', async () => {
    const added = await addAchievement(deps, who.staff, own.reportId, {
      kind: 'degree',
      degree: 'foundation-degree',
      level: 5,
      credits: 240,
      achievedOn: '2025-07-01',
    });
    await removeAchievement(deps, who.staff, own.reportId, added.id);
    const list = await listAchievements(deps, who.staff, own.reportId);
    expect(list.achievements.map((a) => a.id)).not.toContain(added.id);
    const row = await database.kysely.selectFrom('achievements').select('removed_by').where('id', '=', added.id).executeTakeFirstOrThrow();
    expect(row.removed_by).toBe(own.users.staff.userId);
    expect((await events('achievement.removed'))[0]?.data).toMatchObject({ achievementId: added.id, after: null });
    await expect(removeAchievement(deps, who.staff, own.reportId, added.id)).rejects.toEqual(refusal('not_found'));
  });

  it('records the EHCP and BSL flags with before and after', async () => {
    await setFlags(deps, who.staff, own.reportId, { ehcpOrStatement: true, bsl: false });
    expect((await listAchievements(deps, who.staff, own.reportId)).flags).toEqual({ ehcpOrStatement: true, bsl: false });
    expect((await events('person.flagsChanged'))[0]?.data).toMatchObject({
      before: { ehcpOrStatement: false, bsl: false },
      after: { ehcpOrStatement: true, bsl: false },
    });
    await expect(setFlags(deps, who.line_manager, own.reportId, { ehcpOrStatement: false, bsl: false })).rejects.toEqual(
      refusal('forbidden'),
    );
  });

  it('feeds a stored Level 3 certificate and GCSE grades into the gap analysis', async () => {
    const person = other.reportId;
    const otherStaff = await loadActor(database.kysely, other.users.staff.userId);
    const before = await gapForPerson(deps, otherStaff, person, 'ITT.QTS');
    const ta3Before = await gapForPerson(deps, otherStaff, person, 'TA3');
    expect(JSON.stringify(ta3Before.gap)).not.toContain('holds Level 3 Certificate');
    expect(before.basis.join(' ')).toContain('0 achievements and 0 judgements from the portfolio');
    await addAchievement(deps, otherStaff, person, { kind: 'qualification', qualificationId: 'QCF.L3-CERT-STL', achievedOn: '2024-07-01' });
    await addAchievement(deps, otherStaff, person, {
      kind: 'subject',
      subject: 'english',
      scheme: 'gcse-9-1',
      grade: '5',
      achievedOn: '2012-08-20',
    });
    await addAchievement(deps, otherStaff, person, {
      kind: 'subject',
      subject: 'maths',
      scheme: 'gcse-legacy',
      grade: 'C',
      achievedOn: '2012-08-20',
    });
    await addAchievement(deps, otherStaff, person, {
      kind: 'subject',
      subject: 'maths',
      scheme: 'functional-skills',
      grade: 'L2',
      achievedOn: '2020-08-20',
    });
    const after = await gapForPerson(deps, otherStaff, person, 'ITT.QTS');
    const ta3After = await gapForPerson(deps, otherStaff, person, 'TA3');
    expect(JSON.stringify(ta3After.gap)).toContain('holds Level 3 Certificate');
    const text = JSON.stringify(after.gap);
    expect(text).toContain('GCSE (9 to 1 grading, England) English grade 5');
    expect(text).toContain('GCSE maths grade C');
    expect(text).not.toContain('Functional Skills maths Level 2');
    expect(after.basis.join(' ')).toContain('4 achievements and 0 judgements from the portfolio');
  });
});
