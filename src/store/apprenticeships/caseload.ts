import type { Kysely } from 'kysely';
import type { JudgementValue } from '../../contracts/person-state.ts';
import { AchievementDetails } from '../../contracts/portfolio/achievement.ts';
import type { PortfolioFacts } from '../../domain/portfolio-state.ts';
import type { ProgressionSubject } from '../duty-profiles.ts';
import type { Tables } from '../tables.ts';

/**
 * What a caseload needs of many apprentices at once, in a few queries rather than a few per
 * apprentice: each person's employer details (phase, nation) and portfolio facts (current
 * judgements, achievements, EHC plan and BSL flags). The caller has scoped the list of people.
 */
export const caseloadFacts = async (
  db: Kysely<Tables>,
  personIds: readonly string[],
): Promise<Map<string, { subject: ProgressionSubject; facts: PortfolioFacts }>> => {
  const out = new Map<string, { subject: ProgressionSubject; facts: PortfolioFacts }>();
  if (personIds.length === 0) return out;
  const ids = [...new Set(personIds)];
  const [people, judged, held] = await Promise.all([
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
      .where('p.id', 'in', ids)
      .execute(),
    // The current judgement of each item is its latest row (judgements are append-only).
    db
      .selectFrom('judgements')
      .select(['person_id', 'item_code', 'value'])
      .distinctOn(['person_id', 'item_code'])
      .where('person_id', 'in', ids)
      .orderBy('person_id')
      .orderBy('item_code')
      .orderBy('judged_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db.selectFrom('achievements').select(['person_id', 'details']).where('person_id', 'in', ids).where('removed_at', 'is', null).execute(),
  ]);
  const judgementsOf = new Map<string, { itemCode: string; value: JudgementValue }[]>();
  for (const j of judged) {
    const list = judgementsOf.get(j.person_id) ?? [];
    list.push({ itemCode: j.item_code, value: j.value });
    judgementsOf.set(j.person_id, list);
  }
  const achievementsOf = new Map<string, AchievementDetails[]>();
  for (const a of held) {
    const parsed = AchievementDetails.safeParse(a.details);
    if (!parsed.success) continue;
    const list = achievementsOf.get(a.person_id) ?? [];
    list.push(parsed.data);
    achievementsOf.set(a.person_id, list);
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
      },
    });
  return out;
};
