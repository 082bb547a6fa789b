import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DutyProfile } from '../../contracts/duty-profile.ts';
import { AchievementDetails, AchievementInput } from '../../contracts/portfolio/achievement.ts';
import { checkAchievement } from '../../domain/achievement-check.ts';
import { programmeProblems } from '../../domain/apprenticeships/programme.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { gatherRows, generatorInput, loadGeneratorInputs } from '../workforce-testing.ts';
import type { WorkforceProportions } from './proportions.ts';
import { WORKFORCE_TABLES } from './rows.ts';
import { generateWorkforce, planWorkforce } from './workforce.ts';

let inputs: { catalogue: Catalogue; proportions: WorkforceProportions };
/** A mid-sized trust (12 schools, 1,000 staff): large enough for proportions, quick enough for a unit test. */
let midTrust: ReturnType<typeof gatherRows>;
let school: ReturnType<typeof gatherRows>;

beforeAll(async () => {
  inputs = await loadGeneratorInputs();
  const scales = { ...inputs.proportions.scales, trust: { ...inputs.proportions.scales.trust, schools: 12, staff: 1000 } };
  midTrust = gatherRows(generatorInput({ ...inputs, proportions: { ...inputs.proportions, scales } }, 'trust', 7));
  school = gatherRows(generatorInput(inputs, 'school', 1));
});

/** The generator's view of the catalogue. */
let cachedView: ReturnType<typeof generatorInput>['catalogue'] | undefined;
const view = () => {
  cachedView ??= generatorInput(inputs, 'school', 1).catalogue;
  return cachedView;
};
const digest = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

describe('the school scale', () => {
  it('has 150 staff in one school and about 10,000 judgements', () => {
    expect(school.organisations.filter((o) => o.kind === 'school')).toHaveLength(1);
    expect(school.people).toHaveLength(150);
    expect(school.judgements.length).toBeGreaterThan(8_000);
    expect(school.judgements.length).toBeLessThan(12_000);
  });
});

describe('proportions', () => {
  it('puts most support staff at TA2 and TA3 and few at TA5', () => {
    const graded = midTrust.people.filter((p) => p.graded_role !== null);
    const count = (role: string) => graded.filter((p) => p.graded_role === role).length;
    expect(share(count('TA2') + count('TA3'), graded.length)).toBeGreaterThan(0.55);
    expect(share(count('TA5'), graded.length)).toBeLessThan(0.1);
    expect(count('TA5')).toBeGreaterThan(0);
  });

  it('places additional support needs assistants mostly in special schools', () => {
    const phaseOf = new Map(midTrust.organisations.map((o) => [o.id, o.phase]));
    const asnaShare = (special: boolean) => {
      const staff = midTrust.people.filter((p) => p.graded_role !== null && (phaseOf.get(p.organisation_id) === 'special') === special);
      return share(staff.filter((p) => p.graded_role?.startsWith('ASNA')).length, staff.length);
    };
    expect(asnaShare(true)).toBeGreaterThan(0.3);
    expect(asnaShare(false)).toBeLessThan(0.08);
  });

  it('apportions phases and nations by the tables, and headcounts to the exact staff total', () => {
    const trust = inputs.proportions.scales.trust;
    const plan = planWorkforce({ scale: 'trust', seed: 3, proportions: inputs.proportions });
    expect(plan.schools).toHaveLength(trust.schools);
    expect(plan.schools.reduce((sum, s) => sum + s.staff, 0) + 1).toBe(trust.staff);
    const primaries = plan.schools.filter((s) => s.phase === 'primary').length;
    expect(primaries).toBe(Math.round(((trust.phases.primary ?? 0) / 100) * trust.schools));
    expect(plan.schools.filter((s) => s.nation === 'England').length).toBeGreaterThan(plan.schools.length * 0.75);
    expect(new Set(plan.schools.map((s) => s.nation)).size).toBe(4);
  });

  it('gives more senior grades Level 2 English more often, and HLTA status only with every HLTA standard met', () => {
    const roleOf = new Map(midTrust.people.map((p) => [p.id, p.graded_role]));
    const level2Share = (role: string) => {
      const english = midTrust.achievements.filter((a) => roleOf.get(a.person_id) === role && a.details.subject === 'english');
      const atLevel2 = english.filter((a) => {
        const scheme = inputs.catalogue.gradeScheme(String(a.details.scheme));
        return scheme?.grades.find((g) => g.grade === a.details.grade)?.level === 'L2';
      });
      return share(atLevel2.length, english.length);
    };
    expect(level2Share('TA5')).toBeGreaterThan(level2Share('TA1'));
    const holders = midTrust.achievements.filter((a) => a.kind === 'status').map((a) => a.person_id);
    expect(holders.length).toBeGreaterThan(0);
    const current = new Map<string, string>();
    for (const j of midTrust.judgements) current.set(`${j.person_id} ${j.item_code}`, j.value);
    for (const person of holders) {
      for (let n = 1; n <= 33; n++) expect(current.get(`${person} HLTA.${n}`)).toBe('met');
    }
  });

  it('clusters judgements: two items of one cluster agree more often than two items of different clusters', () => {
    const clusterOf = new Map(view().items.map((i) => [i.code, i.cluster]));
    // The current judgement of each item per person (a history row comes before the current one).
    const current = new Map<string, Map<string, boolean>>();
    for (const j of school.judgements) {
      const mine = current.get(j.person_id) ?? new Map<string, boolean>();
      mine.set(j.item_code, j.value === 'met');
      current.set(j.person_id, mine);
    }
    const tally = { same: { agree: 0, all: 0 }, across: { agree: 0, all: 0 } };
    for (const mine of current.values()) {
      const entries = [...mine];
      for (let a = 0; a < entries.length; a++) {
        for (let b = a + 1; b < entries.length; b++) {
          const [codeA, metA] = entries[a] as [string, boolean];
          const [codeB, metB] = entries[b] as [string, boolean];
          const bucket = clusterOf.get(codeA) === clusterOf.get(codeB) ? tally.same : tally.across;
          bucket.all++;
          if (metA === metB) bucket.agree++;
        }
      }
    }
    expect(share(tally.same.agree, tally.same.all)).toBeGreaterThan(share(tally.across.agree, tally.across.all) + 0.03);
  });

  it('has some staff whose duty profile shows the duties of the grade above', () => {
    const above = midTrust.duty_profiles.filter((d) => {
      const next = view().roles.get(d.current_role)?.next;
      return (
        next !== null &&
        next !== undefined &&
        Object.entries(d.answers).some(([code, f]) => code.startsWith(`${next}.`) && f === 'regularly')
      );
    });
    expect(share(above.length, midTrust.duty_profiles.length)).toBeGreaterThan(0.08);
    expect(share(above.length, midTrust.duty_profiles.length)).toBeLessThan(0.35);
  });

  it('spreads mandatory training across expired, expiring and in date', () => {
    const today = '2026-12-04';
    const expired = midTrust.training_records.filter((r) => r.expires_on !== null && r.expires_on < today).length;
    const soon = midTrust.training_records.filter(
      (r) => r.expires_on !== null && r.expires_on >= today && r.expires_on <= '2027-03-04',
    ).length;
    expect(share(expired, midTrust.training_records.length)).toBeGreaterThan(0.02);
    expect(share(soon, midTrust.training_records.length)).toBeGreaterThan(0.05);
    expect(share(expired + soon, midTrust.training_records.length)).toBeLessThan(0.4);
  });
});

describe('determinism', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    expect(digest(gatherRows(generatorInput(inputs, 'school', 1)))).toBe(digest(school));
    const other = gatherRows(generatorInput(inputs, 'school', 2));
    expect(digest(other)).not.toBe(digest(school));
    const ids = new Set(school.people.map((p) => p.id));
    expect(other.people.some((p) => ids.has(p.id))).toBe(false);
  });

  it('streams one school at a time after the trust', () => {
    const chunks = [
      ...generateWorkforce(
        generatorInput(
          {
            ...inputs,
            proportions: {
              ...inputs.proportions,
              scales: { ...inputs.proportions.scales, trust: { ...inputs.proportions.scales.trust, schools: 3, staff: 120 } },
            },
          },
          'trust',
          5,
        ),
      ),
    ];
    expect(chunks).toHaveLength(4);
    // The trust, its three schools and the training provider.
    expect(chunks[0]?.rows.organisations).toHaveLength(5);
    for (const chunk of chunks.slice(1)) expect(chunk.rows.organisations).toHaveLength(0);
  });
});

describe('no orphan rows', () => {
  it('resolves every reference, and every item code, qualification and grade against the catalogue', () => {
    const rows = midTrust;
    const ids = (table: keyof typeof rows) => new Set((rows[table] as { id: string }[]).map((r) => r.id));
    const orgs = ids('organisations');
    const people = ids('people');
    const users = ids('user_accounts');
    const evidence = ids('evidence_items');
    const kinds = ids('training_kinds');
    const item = (code: string) => inputs.catalogue.item(code) !== undefined;
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => {
      if (!ok) missing.push(what);
    };
    for (const table of WORKFORCE_TABLES) {
      const tableIds = (rows[table] as { id: string }[]).map((r) => r.id);
      need(new Set(tableIds).size === tableIds.length, `${table}: duplicate ids`);
    }
    for (const o of rows.organisations) need(o.parent_id === null || orgs.has(o.parent_id), `organisation ${o.id} parent`);
    for (const p of rows.people) {
      need(orgs.has(p.organisation_id), `person ${p.id} organisation`);
      need(p.line_manager_id === null || people.has(p.line_manager_id), `person ${p.id} manager`);
      need(p.graded_role === null || inputs.catalogue.role(p.graded_role) !== undefined, `person ${p.id} role ${p.graded_role}`);
    }
    for (const u of rows.user_accounts)
      need(
        u.person_id === null ? orgs.has(u.trust_id) && u.trust_id !== rows.organisations[0]?.id : people.has(u.person_id),
        `account ${u.id} person`,
      );
    for (const r of rows.role_assignments) need(users.has(r.user_id) && orgs.has(r.organisation_id), `assignment ${r.id}`);
    for (const a of rows.achievements) {
      need(people.has(a.person_id) && users.has(a.recorded_by), `achievement ${a.id} references`);
      const details = AchievementDetails.safeParse(a.details);
      need(details.success, `achievement ${a.id} details ${JSON.stringify(a.details)}`);
      need(a.details.kind === a.kind, `achievement ${a.id} kind`);
      if (a.kind !== 'status') {
        const input = AchievementInput.safeParse(a.details);
        need(
          input.success && checkAchievement(input.data, inputs.catalogue).length === 0,
          `achievement ${a.id} against the catalogue ${JSON.stringify(a.details)}`,
        );
      } else need(inputs.catalogue.status(String(a.details.status)) !== undefined, `achievement ${a.id} status`);
    }
    for (const e of rows.evidence_items) need(people.has(e.person_id) && users.has(e.created_by), `evidence ${e.id} references`);
    for (const c of rows.evidence_claims) {
      need(evidence.has(c.evidence_id), `claim ${c.id} evidence`);
      need(item(c.item_code), `claim ${c.id} item ${c.item_code}`);
      need(c.decided_by === null || users.has(c.decided_by), `claim ${c.id} decided by`);
    }
    for (const j of rows.judgements) {
      need(people.has(j.person_id) && users.has(j.judged_by), `judgement ${j.id} references`);
      need(j.evidence_id === null || evidence.has(j.evidence_id), `judgement ${j.id} evidence`);
      need((j.source === 'evidence') === (j.evidence_id !== null), `judgement ${j.id} source`);
      need(item(j.item_code), `judgement ${j.id} item ${j.item_code}`);
    }
    for (const c of rows.cpd_activities) {
      need(people.has(c.person_id) && users.has(c.created_by), `cpd ${c.id} references`);
      for (const code of c.item_codes) need(item(code), `cpd ${c.id} item ${code}`);
    }
    for (const t of rows.training_records)
      need(people.has(t.person_id) && kinds.has(t.kind_id) && users.has(t.recorded_by), `training ${t.id}`);
    for (const d of rows.duty_profiles) {
      need(people.has(d.person_id) && users.has(d.recorded_by), `duty profile ${d.id} references`);
      need(d.confirmed_by === null || users.has(d.confirmed_by), `duty profile ${d.id} confirmed by`);
      need(DutyProfile.safeParse({ currentRole: d.current_role, duties: d.answers }).success, `duty profile ${d.id} shape`);
      for (const code of Object.keys(d.answers)) need(item(code), `duty profile ${d.id} duty ${code}`);
    }
    const enrolmentIds = ids('enrolments');
    for (const e of rows.enrolments) {
      need(
        people.has(e.person_id) && orgs.has(e.employer_id) && orgs.has(e.provider_id) && users.has(e.created_by),
        `enrolment ${e.id} references`,
      );
      need(
        programmeProblems(inputs.catalogue, e.programme, e.option_code).length === 0,
        `enrolment ${e.id} programme ${e.programme} ${e.option_code}`,
      );
      need(e.planned_end_date > e.start_date, `enrolment ${e.id} dates`);
    }
    for (const c of rows.enrolment_status_changes)
      need(enrolmentIds.has(c.enrolment_id) && users.has(c.recorded_by), `status change ${c.id}`);
    expect(rows.enrolments.length).toBeGreaterThan(0);
    expect(missing.slice(0, 10)).toEqual([]);
  });

  it('keeps every person, account and email unique across the trust', () => {
    const emails = midTrust.user_accounts.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    const codes = midTrust.people.map((p) => p.staff_code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
