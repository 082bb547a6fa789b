import type { Kysely } from 'kysely';
import type { AchievementInput } from '../../contracts/portfolio/achievement.ts';
import { achievements } from '../../store/achievements.ts';
import { audit } from '../../store/audit.ts';
import type { Tables } from '../../store/tables.ts';

/**
 * Realistic achievements for the demo trust's staff, so the achievements page, the credit totals and
 * the gap analysis have something to show: a Level 3 certificate with GCSEs, Functional Skills with a
 * credit-bearing unit, a Level 2 certificate with legacy GCSE letters, a Foundation Degree.
 */
const portfolios: readonly (readonly AchievementInput[])[] = [
  [
    { kind: 'qualification', qualificationId: 'QCF.L3-CERT-STL', achievedOn: '2021-07-16' },
    { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: '5', achievedOn: '2017-08-24' },
    { kind: 'subject', subject: 'maths', scheme: 'gcse-9-1', grade: '4', achievedOn: '2017-08-24' },
  ],
  [
    { kind: 'subject', subject: 'english', scheme: 'functional-skills', grade: 'L2', achievedOn: '2022-03-11' },
    { kind: 'subject', subject: 'maths', scheme: 'functional-skills', grade: 'L2', achievedOn: '2022-06-17' },
    {
      kind: 'unit',
      title: 'Support children and young people with disabilities and special educational needs',
      level: 3,
      credits: 6,
      awardingOrganisation: 'NCFE CACHE',
      achievedOn: '2023-05-19',
    },
    {
      kind: 'unit',
      title: 'Support literacy development',
      level: 3,
      credits: 4,
      awardingOrganisation: 'Pearson',
      achievedOn: '2024-02-09',
    },
  ],
  [
    { kind: 'qualification', qualificationId: 'QCF.L2-CERT-STL', achievedOn: '2016-07-01' },
    { kind: 'subject', subject: 'english', scheme: 'gcse-legacy', grade: 'C', achievedOn: '2004-08-26' },
    { kind: 'subject', subject: 'maths', scheme: 'gcse-legacy', grade: 'C', achievedOn: '2004-08-26' },
    { kind: 'subject', subject: 'science', scheme: 'gcse-legacy', grade: 'B', achievedOn: '2004-08-26' },
  ],
  [
    {
      kind: 'degree',
      degree: 'foundation-degree',
      title: 'FdA Learning Support',
      level: 5,
      credits: 240,
      institution: 'Open University',
      achievedOn: '2019-06-28',
    },
    { kind: 'subject', subject: 'english', scheme: 'gcse-9-1', grade: '6', achievedOn: '2015-08-20' },
    { kind: 'subject', subject: 'maths', scheme: 'gcse-9-1', grade: '4', achievedOn: '2015-08-20' },
  ],
];

/**
 * Gives the listed people (in order) one of the demo portfolios each, cycling; returns the new
 * achievement ids per person, so certificates can be attached to them.
 */
export const seedDemoAchievements = async (
  trx: Kysely<Tables>,
  options: {
    trustId: string;
    clock: () => Date;
    auditKey: Uint8Array;
    people: readonly { personId: string }[];
    recordedBy: string;
    newId?: () => string;
  },
): Promise<Map<string, { id: string; details: AchievementInput }[]>> => {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.clock();
  const events: Parameters<ReturnType<typeof audit>['record']> = [];
  const created = new Map<string, { id: string; details: AchievementInput }[]>();
  for (const [index, person] of options.people.entries()) {
    const portfolio = portfolios[index % portfolios.length] ?? [];
    const mine: { id: string; details: AchievementInput }[] = [];
    for (const given of portfolio) {
      const details = given;
      const id = newId();
      await achievements(trx).insert({
        id,
        trustId: options.trustId,
        personId: person.personId,
        details,
        recordedBy: options.recordedBy,
        recordedAt: now,
      });
      events.push({
        trustId: options.trustId,
        actor: options.recordedBy,
        action: 'achievement.added',
        entity: 'person',
        entityId: person.personId,
        data: { achievementId: id, before: null, after: { ...details, demo: true } },
        occurredAt: now,
      });
      mine.push({ id, details });
    }
    created.set(person.personId, mine);
  }
  if (events.length > 0) await audit(trx, options.auditKey).record(...events);
  return created;
};
