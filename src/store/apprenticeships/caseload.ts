import { type Kysely, sql } from 'kysely';
import type { JudgementValue } from '../../contracts/person-state.ts';
import { AchievementDetails } from '../../contracts/portfolio/achievement.ts';
import type { PortfolioFacts } from '../../domain/portfolio-state.ts';
import type { ProgressionSubject } from '../duty-profiles.ts';
import type { Tables } from '../tables.ts';

/**
 * What a caseload needs of many apprentices at once, in a few queries rather than a few per
 * apprentice: each person's employer details (phase, nation) and portfolio facts (current
 * judgements, achievements, EHC plan and BSL flags, recorded specialisms), the same facts the
 * enrolment page reads one person at a time (portfolioFacts). The caller has scoped the list of people.
 *
 * The lists are by person id alone (an assessor's apprentices are employed across trusts), served by
 * the indexes of migrations/20261205_0600_caseload_indexes.sql. Achievements come as their stored
 * text and are parsed once per distinct text (many apprentices hold the same English and maths).
 * At 2,000 apprentices the current judgements are 80,000 rows: returned as rows they took the driver
 * 160 ms of CPU to parse and the query about 1.2 s on the shared machine, folded per person 30 ms and
 * 0.7 s (bench/caseload.bench.ts).
 */
export const caseloadFacts = async (
  db: Kysely<Tables>,
  personIds: readonly string[],
): Promise<Map<string, { subject: ProgressionSubject; facts: PortfolioFacts }>> => {
  const out = new Map<string, { subject: ProgressionSubject; facts: PortfolioFacts }>();
  if (personIds.length === 0) return out;
  const ids = [...new Set(personIds)];
  const anyId = sql<boolean>`person_id = any(${ids}::uuid[])`;
  const [people, judged, held, recorded] = await Promise.all([
    db
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .leftJoin('organisations as t', 't.id', 'o.parent_id')
      .select([
        'p.id',
        'p.trust_id',
        'p.organisation_id',
        'p.given_name',
        'p.family_name',
        'p.graded_role',
        'p.specialisms',
        'p.line_manager_id',
        'p.ehcp_or_statement',
        'p.bsl_qualification',
        'o.phase',
        'o.nation',
        't.nation as parent_nation',
      ])
      .where(sql<boolean>`p.id = any(${ids}::uuid[])`)
      .execute(),
    // The current judgement of each item is its latest row (judgements are append-only), read in the
    // order of judgements_person_current_idx (no sort, no table lookups) and folded into one JSON
    // object per person: the driver parses one value per apprentice, not one row per judgement.
    sql<{ person_id: string; current: Record<string, JudgementValue> }>`
      select person_id, json_object_agg(item_code, value) as current
      from (
        select distinct on (person_id, item_code) person_id, item_code, value
        from judgements where ${anyId}
        order by person_id, item_code, judged_at desc, id desc
      ) latest
      group by person_id`.execute(db),
    // In the enrolment page's order (newest first), so both build the same person state.
    db
      .selectFrom('achievements')
      .select(['person_id', sql<string>`details::text`.as('details')])
      .where(anyId)
      .where('removed_at', 'is', null)
      .orderBy('person_id')
      .orderBy('achieved_on', (o) => o.desc().nullsLast())
      .orderBy('recorded_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('specialism_records')
      .select(['person_id', 'letter', 'status'])
      .distinct()
      .where(anyId)
      .where('status', 'in', ['confirmed', 'awaiting'])
      .orderBy('person_id')
      .orderBy('letter')
      .execute(),
  ]);
  const judgementsOf = new Map<string, { itemCode: string; value: JudgementValue }[]>();
  for (const j of judged.rows)
    judgementsOf.set(
      j.person_id,
      Object.entries(j.current).map(([itemCode, value]) => ({ itemCode, value })),
    );
  const parsed = new Map<string, AchievementDetails | null>();
  const achievementsOf = new Map<string, AchievementDetails[]>();
  for (const a of held) {
    let details = parsed.get(a.details);
    if (details === undefined) {
      const result = AchievementDetails.safeParse(JSON.parse(a.details));
      details = result.success ? result.data : null;
      parsed.set(a.details, details);
    }
    if (details === null) continue;
    const list = achievementsOf.get(a.person_id) ?? [];
    list.push(details);
    achievementsOf.set(a.person_id, list);
  }
  const specialismsOf = new Map<string, { confirmed: string[]; awaiting: string[] }>();
  for (const r of recorded) {
    const lists = specialismsOf.get(r.person_id) ?? { confirmed: [], awaiting: [] };
    (r.status === 'confirmed' ? lists.confirmed : lists.awaiting).push(r.letter);
    specialismsOf.set(r.person_id, lists);
  }
  for (const p of people)
    out.set(p.id, {
      subject: {
        id: p.id,
        trustId: p.trust_id,
        organisationId: p.organisation_id,
        name: `${p.given_name} ${p.family_name}`,
        gradedRole: p.graded_role,
        specialisms: p.specialisms,
        lineManagerId: p.line_manager_id,
        phase: p.phase,
        nation: p.nation ?? p.parent_nation,
      },
      facts: {
        achievements: achievementsOf.get(p.id) ?? [],
        flags: { ehcpOrStatement: p.ehcp_or_statement, bsl: p.bsl_qualification },
        judgements: judgementsOf.get(p.id) ?? [],
        specialisms: specialismsOf.get(p.id) ?? { confirmed: [], awaiting: [] },
      },
    });
  return out;
};
