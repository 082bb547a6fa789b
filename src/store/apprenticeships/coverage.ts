import { type Kysely, sql } from 'kysely';
import type { JudgementValue } from '../../contracts/person-state.ts';
import type { Tables } from '../tables.ts';

/**
 * What the portfolio holds per competency item for apprentices' KSB coverage: how many pieces of
 * evidence claim it (submitted or decided, not returned) and the latest judgement. Keyed by person,
 * then item code; many people in one query each, for a caseload.
 */
export type ItemEvidence = { count: number; judgement?: JudgementValue };

export const ksbEvidenceOf = async (
  db: Kysely<Tables>,
  people: readonly { trustId: string; personId: string }[],
): Promise<Map<string, Record<string, ItemEvidence>>> => {
  const out = new Map<string, Record<string, ItemEvidence>>(people.map((p) => [p.personId, {}]));
  if (people.length === 0) return out;
  const pairs = sql.join(people.map((p) => sql`(${p.trustId}::uuid, ${p.personId}::uuid)`));
  const [counts, judgements] = await Promise.all([
    sql<{ person_id: string; item_code: string; n: string | number }>`
      select e.person_id, c.item_code, count(distinct e.id) as n
      from evidence_items e join evidence_claims c on c.evidence_id = e.id and c.trust_id = e.trust_id
      where (e.trust_id, e.person_id) in (${pairs}) and e.removed_at is null and e.status <> 'draft' and c.status <> 'returned'
      group by e.person_id, c.item_code`.execute(db),
    sql<{ person_id: string; item_code: string; value: JudgementValue }>`
      select distinct on (j.person_id, j.item_code) j.person_id, j.item_code, j.value
      from judgements j where (j.trust_id, j.person_id) in (${pairs})
      order by j.person_id, j.item_code, j.judged_at desc, j.id desc`.execute(db),
  ]);
  const at = (personId: string, code: string): ItemEvidence => {
    const record = out.get(personId) ?? {};
    out.set(personId, record);
    record[code] ??= { count: 0 };
    return record[code];
  };
  for (const r of counts.rows) at(r.person_id, r.item_code).count = Number(r.n);
  for (const r of judgements.rows) at(r.person_id, r.item_code).judgement = r.value;
  return out;
};
