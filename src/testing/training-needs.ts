import type { Kysely } from 'kysely';
import { organisations } from '../store/organisations.ts';
import { people } from '../store/people.ts';
import type { Tables } from '../store/tables.ts';
import type { SeededTrust } from './two-trusts.ts';

/**
 * A small workforce for the training-needs analysis, on top of a seeded trust (its school "alpha
 * School" becomes school A, and a second school, Beech Academy, is added), small enough to count by hand:
 *
 * | person       | school | role | specialisms | met (current)                  |
 * | the report   | A      | TA3  | a           | HLTA.3                         |
 * | Other Person | A      | TA4  | –           | –                              |
 * | Ann Ash      | A      | TA4  | a           | HLTA.2, HLTA.3, HLTA.4–33      |
 * | Ben Ash      | A      | TA4  | –           | HLTA.4–33 (HLTA.3 met, then developing) |
 * | Cat Beech    | B      | TA4  | b           | HLTA.3, HLTA.4–33              |
 * | Dan Beech    | B      | TA4  | –           | HLTA.4–33                      |
 * | Eve Beech    | B      | TA3  | c           | HLTA.2, HLTA.4–33              |
 *
 * Against each person's next level (TA3 → TA4, TA4 → TA5, both asking for the 33 HLTA standards
 * and a specialism), the needs lacked are: HLTA.1 by 7 (A 4, B 3), HLTA.2 by 5 (A 3, B 2), HLTA.3
 * by 4 (A 2, B 2), a specialism by 3 (A 2, B 1), each of HLTA.4–33 by 2 (A: the report and Other Person). The
 * trust's five accounts without a graded role are left out, and the leaver is not counted.
 */
export type TrainingNeedsFixture = {
  schoolA: string;
  schoolB: string;
  person: Record<'report' | 'other' | 'ann' | 'ben' | 'cat' | 'dan' | 'eve', string>;
};

export const seedTrainingNeeds = async (db: Kysely<Tables>, trust: SeededTrust): Promise<TrainingNeedsFixture> => {
  const schoolB = crypto.randomUUID();
  await organisations(db).insert({
    id: schoolB,
    trust_id: trust.trustId,
    kind: 'school',
    name: 'Beech Academy',
    phase: 'secondary',
    nation: 'England',
    urn: null,
    parent_id: trust.trustId,
  });
  const add = async (given: string, family: string, organisationId: string, gradedRole: string, specialisms: string[]) => {
    const id = crypto.randomUUID();
    await people(db).insert({
      id,
      trust_id: trust.trustId,
      organisation_id: organisationId,
      given_name: given,
      family_name: family,
      work_email: null,
      staff_code: null,
      graded_role: gradedRole,
      job_title: 'Teaching assistant',
      line_manager_id: null,
      left_on: null,
    });
    if (specialisms.length > 0) await db.updateTable('people').set({ specialisms }).where('id', '=', id).execute();
    return id;
  };
  const person = {
    report: trust.reportId,
    other: trust.otherPersonId,
    ann: await add('Ann', 'Ash', trust.schoolId, 'TA4', ['a']),
    ben: await add('Ben', 'Ash', trust.schoolId, 'TA4', []),
    cat: await add('Cat', 'Beech', schoolB, 'TA4', ['b']),
    dan: await add('Dan', 'Beech', schoolB, 'TA4', []),
    eve: await add('Eve', 'Beech', schoolB, 'TA3', ['c']),
  };
  const judgedBy = trust.users.line_manager.userId;
  let minute = 0;
  const judge = (personId: string, code: string, value: 'met' | 'developing') => {
    minute += 1;
    return {
      id: crypto.randomUUID(),
      trust_id: trust.trustId,
      person_id: personId,
      item_code: code,
      value,
      source: 'observation' as const,
      evidence_id: null,
      note: null,
      judged_by: judgedBy,
      judged_at: new Date(Date.UTC(2026, 9, 1, 9, minute)),
    };
  };
  const rest = Array.from({ length: 30 }, (_, i) => `HLTA.${i + 4}`);
  const rows = [
    judge(person.report, 'HLTA.3', 'met'),
    judge(person.ann, 'HLTA.2', 'met'),
    judge(person.ann, 'HLTA.3', 'met'),
    judge(person.ben, 'HLTA.3', 'met'),
    judge(person.ben, 'HLTA.3', 'developing'),
    judge(person.cat, 'HLTA.3', 'met'),
    judge(person.eve, 'HLTA.2', 'met'),
    judge(person.dan, 'HLTA.1', 'developing'),
    ...[person.ann, person.ben, person.cat, person.dan, person.eve].flatMap((id) => rest.map((code) => judge(id, code, 'met'))),
  ];
  await db.insertInto('judgements').values(rows).execute();
  return { schoolA: trust.schoolId, schoolB, person };
};
