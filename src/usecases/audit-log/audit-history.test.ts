import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction } from '../../contracts/audit-actions.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { itemLabel } from '../../framework/item-label.ts';
import { audit } from '../../store/audit.ts';
import type { TestDatabase } from '../../store/testing.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { openPortfolioTestBed } from '../../testing/portfolio.ts';
import { loadActor, type SeededTrust } from '../../testing/two-trusts.ts';
import { assignRole } from '../accounts-admin/accounts.ts';
import type { PortfolioDeps } from '../portfolio/deps.ts';
import { decideEvidence } from '../portfolio/evidence/decide-evidence.ts';
import { submitEvidence } from '../portfolio/evidence/submit-evidence.ts';
import { createEvidence } from '../portfolio/evidence/write-evidence.ts';
import { type AuditEntry, auditHistory } from './audit-history.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const page = { page: 1, pageSize: 100 };

/** Everything of an entry a reader sees as text (links' targets aside). */
const visibleText = (e: AuditEntry) =>
  [
    e.text,
    e.actionName,
    ...e.changes.flatMap((c) => [c.field, c.before?.text ?? '', c.after?.text ?? '']),
    ...e.details.flatMap((d) => [d.field, d.value.text]),
  ].join(' | ');

describe.each(testDatabaseKinds())('the audit log as a history on %s', (kind) => {
  let database: TestDatabase;
  let deps: PortfolioDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let who: Record<'staff' | 'manager' | 'trustAdmin' | 'schoolAdmin' | 'otherAdmin', Actor>;
  let evidenceId: string;
  const time = new Date('2026-11-05T09:00:00Z');

  beforeAll(async () => {
    const bed = await openPortfolioTestBed(kind, () => time);
    ({ database, own, other, deps } = bed);
    const rename = (id: string, given: string, family: string) =>
      database.kysely.updateTable('people').set({ given_name: given, family_name: family }).where('id', '=', id).execute();
    await rename(own.users.line_manager.personId, 'Priya', 'Shah');
    await rename(own.users.staff.personId, 'Amy', 'Clarke');
    await rename(own.users.trust_admin.personId, 'Olivia', 'Grant');
    await rename(other.users.trust_admin.personId, 'Beta', 'Admin');
    const load = (userId: string) => loadActor(database.kysely, userId);
    who = {
      staff: await load(own.users.staff.userId),
      manager: await load(own.users.line_manager.userId),
      trustAdmin: await load(own.users.trust_admin.userId),
      schoolAdmin: await load(own.users.school_admin.userId),
      otherAdmin: await load(other.users.trust_admin.userId),
    };
    const draft = await createEvidence(deps, who.staff, own.reportId, {
      kind: 'reflective-account',
      title: 'Leading a phonics group',
      occurredOn: '2026-10-12',
      body: 'I led the Year 2 phonics catch-up group.',
      claims: ['HLTA.26', 'ST1414.K16'],
    });
    evidenceId = draft.id;
    await submitEvidence(deps, who.staff, own.reportId, draft.id, { pupilsAnonymised: true });
    await decideEvidence(deps, who.manager, own.reportId, draft.id, {
      decisions: [
        { itemCode: 'HLTA.26', outcome: 'accepted' },
        { itemCode: 'ST1414.K16', outcome: 'accepted' },
      ],
    });
    await assignRole({ ...deps, auditKey: testKeys.auditKey }, who.trustAdmin, own.users.staff.userId, {
      role: 'line_manager',
      organisationId: own.schoolId,
      headteacher: false,
    });
    await audit(database.kysely, testKeys.auditKey).record({
      trustId: own.trustId,
      actor: own.users.trust_admin.userId,
      // An action an older version recorded and this one no longer knows: the log must still read it.
      action: 'widget.wasPolished' as AuditAction,
      entity: 'widget',
      entityId: crypto.randomUUID(),
      data: { before: { shine: 'dull' }, after: { shine: 'bright' } },
    });
    await audit(database.kysely, testKeys.auditKey).record({
      trustId: own.trustId,
      actor: own.users.staff.userId,
      action: 'hltaFile.updated',
      entity: 'person',
      entityId: own.reportId,
      data: { standardCode: 'HLTA.26', before: [], after: [evidenceId] },
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('says who did what to whom in words, with names linked to the person and the evidence', async () => {
    const history = await auditHistory(deps, who.trustAdmin, { action: 'evidence.decided' }, page);
    expect(history.entries).toHaveLength(1);
    const [entry] = history.entries;
    expect(entry?.text).toBe('Priya Shah accepted 2 claims of Amy Clarke’s evidence ‘Leading a phonics group’');
    expect(entry?.actionName).toBe('Evidence decided');
    expect(entry?.sentence.filter((p) => p.href)).toEqual([
      { text: 'Priya Shah', href: `/people/${own.users.line_manager.personId}` },
      { text: 'Amy Clarke', href: `/people/${own.reportId}` },
      { text: '‘Leading a phonics group’', href: `/people/${own.reportId}/portfolio/evidence/${evidenceId}` },
    ]);
    expect(entry?.changes).toContainEqual({
      field: 'Status',
      before: { kind: 'text', text: 'submitted' },
      after: { kind: 'text', text: 'decided' },
    });
  });

  it('writes "their" when people act on their own records, and names the role given', async () => {
    const { entries } = await auditHistory(deps, who.trustAdmin, {}, page);
    const texts = entries.map((e) => e.text);
    expect(texts).toContain('Amy Clarke submitted their evidence ‘Leading a phonics group’ for a decision');
    expect(texts).toContain('Olivia Grant gave Amy Clarke the role line manager');
    expect(texts).toContain(`Priya Shah recorded a judgement of ${itemLabel(deps.catalogue, 'HLTA.26').text} (met) for Amy Clarke`);
  });

  it('shows every item code with its wording, in the sentence and in what changed', async () => {
    const hlta26 = itemLabel(deps.catalogue, 'HLTA.26');
    expect(hlta26.statement).not.toBe('');
    expect(hlta26.text).toBe(`HLTA.26 — ${hlta26.statement}`);
    const { entries } = await auditHistory(deps, who.trustAdmin, { action: 'hltaFile.updated' }, page);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.text).toBe(`Amy Clarke chose the evidence for ${hlta26.text} in their HLTA preparation`);
    expect(entries[0]?.details).toContainEqual({ field: 'Standard code', value: { kind: 'text', text: hlta26.text } });
    const judged = await auditHistory(deps, who.trustAdmin, { action: 'judgement.recorded' }, page);
    expect(judged.entries.flatMap((e) => e.changes)).toContainEqual({
      field: 'Item code',
      before: null,
      after: { kind: 'text', text: hlta26.text },
    });
    // Words that are not codes are left as they were.
    expect(judged.entries.flatMap((e) => e.changes)).toContainEqual(expect.objectContaining({ after: { kind: 'text', text: 'met' } }));
  });

  it('reads an unknown action as a readable form of its id', async () => {
    const { entries } = await auditHistory(deps, who.trustAdmin, { action: 'widget.wasPolished' }, page);
    expect(entries[0]).toMatchObject({ actionName: 'Widget was polished', text: 'Olivia Grant: widget was polished' });
    expect(entries[0]?.changes).toEqual([
      { field: 'Shine', before: { kind: 'text', text: 'dull' }, after: { kind: 'text', text: 'bright' } },
    ]);
  });

  it('shows no id anywhere a reader reads, and offers the filters by name', async () => {
    const history = await auditHistory(deps, who.trustAdmin, {}, page);
    expect(history.entries.length).toBeGreaterThan(5);
    for (const entry of history.entries) {
      expect(visibleText(entry)).not.toMatch(uuid);
      expect(visibleText(entry)).not.toMatch(/[{}]/);
    }
    expect(history.choices.people.map((p) => p.text)).toEqual(expect.arrayContaining(['Amy Clarke', 'Olivia Grant', 'Priya Shah']));
    expect(history.choices.people.find((p) => p.text === 'Priya Shah')?.value).toBe(own.users.line_manager.userId);
    expect(history.choices.actions).toContainEqual({ value: 'evidence.decided', text: 'Evidence decided' });
    const byPriya = await auditHistory(deps, who.trustAdmin, { actor: own.users.line_manager.userId }, page);
    expect(byPriya.entries.length).toBeGreaterThan(0);
    expect(byPriya.entries.every((e) => e.actor.name === 'Priya Shah')).toBe(true);
  });

  it('shows a trust admin their own trust only, names and choices included', async () => {
    const theirs = await auditHistory(deps, who.otherAdmin, {}, page);
    const seen = JSON.stringify(theirs);
    for (const name of ['Priya Shah', 'Amy Clarke', 'Olivia Grant', 'Leading a phonics group']) expect(seen).not.toContain(name);
    expect(theirs.choices.actions.map((a) => a.value)).not.toContain('evidence.decided');
    expect(theirs.choices.people.map((p) => p.value)).not.toContain(own.users.line_manager.userId);
  });

  it('shows a school admin their school’s people by name', async () => {
    const { entries } = await auditHistory(deps, who.schoolAdmin, { action: 'role.assigned' }, page);
    expect(entries.map((e) => e.text)).toContain('Olivia Grant gave Amy Clarke the role line manager');
  });
});
