import type { JudgedItem, WorkforceCatalogue } from './catalogue-view.ts';
import { cpdTitleOf, EVIDENCE_KINDS, type EvidenceKind, evidenceTextOf, feedbackOf, reflectionOf } from './evidence-text.ts';
import { type PortfolioDepth, type WorkforceProportions, weightsOf } from './proportions.ts';
import type { Random } from './random.ts';
import type { JudgementRow, TrainingKindRow, WorkforceChunk } from './rows.ts';
import { trainingOf } from './training.ts';

/** What the portfolio generator knows about the person whose rows it writes. */
export type PortfolioPerson = {
  trustId: string;
  personId: string;
  userId: string;
  gradedRole: string;
  nation: string;
  /** The account of the person's line manager (who judges and decides), and of the school's headteacher (who records). */
  managerUserId: string;
  headteacherUserId: string;
};

/** The run-wide things every person's portfolio draws on. */
export type PortfolioContext = {
  proportions: WorkforceProportions;
  catalogue: WorkforceCatalogue;
  trainingKinds: readonly TrainingKindRow[];
  /** Today as `YYYY-MM-DD` and now, passed in (no clock here). */
  today: string;
  now: Date;
  /** The date `offset` days from today (memoised: the same few thousand dates recur across a trust). */
  day: (offset: number) => string;
  /** The next id of a table (ids are numbered per table across the run). */
  nextId: (table: keyof WorkforceChunk['rows']) => string;
};

const DAY_MS = 86_400_000;
const clamp = (value: number) => Math.min(0.98, Math.max(0.02, value));
const instantDaysAgo = (now: Date, days: number, minuteOfDay: number) => new Date(now.getTime() - days * DAY_MS + minuteOfDay * 60_000);

const CPD_KINDS = {
  course: 30,
  'in-school-training': 30,
  coaching: 8,
  mentoring: 6,
  observation: 10,
  reading: 8,
  conference: 4,
  'qualification-unit': 4,
} as const;
const CPD_PROVIDERS = [
  'In-house',
  'Local authority',
  'National College',
  'Teaching school hub',
  'NCFE CACHE',
  'Educational psychology service',
];

/** The depth of a role's portfolio; a role the table does not list starts from nothing. */
const depthOf = (proportions: WorkforceProportions, role: string): PortfolioDepth =>
  proportions.portfolio.roles[role] ?? { strength: 0.1, coverage: 0.1 };

/** A share from a table keyed by role (`englishMathsLevel2`, `hltaStatus`); 0 for a role not listed. */
const shareOf = (table: Record<string, unknown>, role: string): number => weightsOf(table)[role] ?? 0;

/** The person's achievements: their highest qualification, English and maths, and HLTA status when held. */
const achievementsOf = (chunk: WorkforceChunk, random: Random, who: PortfolioPerson, context: PortfolioContext, holdsHlta: boolean) => {
  const { proportions, catalogue, now } = context;
  const recorded = { trust_id: who.trustId, person_id: who.personId, recorded_by: who.headteacherUserId, recorded_at: now };
  const qualificationWeights = proportions.qualifications[who.gradedRole];
  const chosen = typeof qualificationWeights === 'object' ? random.weighted(qualificationWeights) : 'none';
  const qualification = catalogue.qualifications.get(chosen);
  const achievedOn = context.day(-random.int(200, 5000));
  if (qualification?.scheme === 'higher-education') {
    const credits = qualification.credits ?? weightsOf(proportions.degreeCredits)[String(qualification.level)] ?? 0;
    const details = {
      kind: 'degree',
      degree: qualification.kind,
      title: qualification.title,
      level: qualification.level,
      credits,
      achievedOn,
    };
    chunk.rows.achievements.push({
      id: context.nextId('achievements'),
      ...recorded,
      kind: 'degree',
      details,
      achieved_on: achievedOn,
      status_kind: null,
    });
  } else if (qualification) {
    const details = { kind: 'qualification', qualificationId: qualification.id, achievedOn };
    chunk.rows.achievements.push({
      id: context.nextId('achievements'),
      ...recorded,
      kind: 'qualification',
      details,
      achieved_on: achievedOn,
      status_kind: null,
    });
  }
  const schemes = proportions.subjectSchemes[who.nation];
  if (typeof schemes === 'object') {
    const level2 = shareOf(proportions.englishMathsLevel2, who.gradedRole);
    for (const subject of ['english', 'maths'] as const) {
      const atLevel2 = random.chance(level2);
      let use = random.chance(proportions.subjectSchemes.schoolLeavingShare) ? schemes.schoolLeaving : schemes.adult;
      if (!atLevel2 && use.below.length === 0) use = schemes.adult;
      const grades = atLevel2 || use.below.length === 0 ? use.level2 : use.below;
      const on = context.day(-random.int(300, 9000));
      const details = { kind: 'subject', subject, scheme: use.scheme, grade: random.pick(grades), achievedOn: on };
      chunk.rows.achievements.push({
        id: context.nextId('achievements'),
        ...recorded,
        kind: 'subject',
        details,
        achieved_on: on,
        status_kind: null,
      });
    }
  }
  if (holdsHlta && catalogue.hltaStatus) {
    const awardedOn = context.day(-random.int(60, 2500));
    const details = { kind: 'status', status: catalogue.hltaStatus.id, awardedOn, statusKind: 'school-recognition' };
    chunk.rows.achievements.push({
      id: context.nextId('achievements'),
      ...recorded,
      kind: 'status',
      details,
      achieved_on: awardedOn,
      status_kind: 'school-recognition',
    });
  }
};

type Judged = { item: JudgedItem; value: JudgementRow['value'] };

/**
 * The person's current judgement of each assessed item. Strength is drawn per cluster around the
 * person's overall strength, so someone strong in a cluster is strong across its items.
 */
const judgedItemsOf = (random: Random, context: PortfolioContext, depth: PortfolioDepth, hltaItems: ReadonlySet<string>): Judged[] => {
  const { proportions, catalogue } = context;
  const overall = clamp(random.normal(depth.strength, 0.1));
  const judged: Judged[] = [];
  for (const [, items] of catalogue.clusters) {
    const strength = clamp(random.normal(overall, proportions.portfolio.clusterSpread));
    for (const item of items) {
      if (hltaItems.has(item.code)) {
        judged.push({ item, value: 'met' });
        continue;
      }
      if (!random.chance(depth.coverage)) continue;
      const p = clamp(random.normal(strength, proportions.portfolio.itemSpread));
      const u = random.float();
      judged.push({ item, value: u < p ? 'met' : u < p + (1 - p) * 0.6 ? 'developing' : 'not-started' });
    }
  }
  return judged;
};

/** Items in groups of `min`–`max`, keeping a cluster's items together (one piece of evidence covers related items). */
const groupsOf = (random: Random, items: readonly JudgedItem[], range: { min: number; max: number }): JudgedItem[][] => {
  const byCluster = new Map<string, JudgedItem[]>();
  for (const item of items) byCluster.set(item.cluster, [...(byCluster.get(item.cluster) ?? []), item]);
  const groups: JudgedItem[][] = [];
  for (const clustered of byCluster.values()) {
    for (let at = 0; at < clustered.length; ) {
      const size = random.int(Math.max(1, range.min), Math.max(1, range.max));
      groups.push(clustered.slice(at, at + size));
      at += size;
    }
  }
  return groups;
};

const evidenceKindOf = (random: Random): EvidenceKind => random.pick(Object.keys(EVIDENCE_KINDS) as EvidenceKind[]);

/** Evidence, its claims and the judgements: decided evidence with accepted (and a few returned) claims, some awaiting a decision, some drafts. */
const evidenceAndJudgementsOf = (
  chunk: WorkforceChunk,
  random: Random,
  who: PortfolioPerson,
  context: PortfolioContext,
  judged: Judged[],
) => {
  const { proportions, now } = context;
  const settings = proportions.portfolio;
  const base = { trust_id: who.trustId, person_id: who.personId };
  const fromEvidence = judged.filter((j) => j.value === 'met' && random.chance(settings.fromEvidence)).map((j) => j.item);
  const notYet = judged.filter((j) => j.value !== 'met').map((j) => j.item);
  const addEvidence = (items: readonly JudgedItem[], status: 'draft' | 'submitted' | 'decided', daysAgo: number) => {
    const kind = evidenceKindOf(random);
    const { title, body } = evidenceTextOf(random, kind, items);
    const createdAt = instantDaysAgo(now, daysAgo, random.int(480, 1000));
    const submittedAt = status === 'draft' ? null : new Date(createdAt.getTime() + random.int(0, 3) * DAY_MS);
    const decidedAt = status === 'decided' && submittedAt ? new Date(submittedAt.getTime() + random.int(1, 20) * DAY_MS) : null;
    const id = context.nextId('evidence_items');
    chunk.rows.evidence_items.push({
      id,
      ...base,
      kind,
      title,
      occurred_on: context.day(-daysAgo - random.int(0, 5)),
      body,
      status,
      created_by: who.userId,
      created_at: createdAt,
      updated_at: decidedAt ?? submittedAt ?? createdAt,
      submitted_at: submittedAt,
      decided_at: decidedAt,
    });
    return { id, decidedAt };
  };
  const decidedOf = new Map<string, { evidenceId: string; at: Date }>();
  for (const group of groupsOf(random, fromEvidence, settings.claimsPerEvidence)) {
    const { id, decidedAt } = addEvidence(group, 'decided', random.int(25, 700));
    const at = decidedAt ?? now;
    for (const item of group) {
      chunk.rows.evidence_claims.push({
        id: context.nextId('evidence_claims'),
        trust_id: who.trustId,
        evidence_id: id,
        item_code: item.code,
        status: 'accepted',
        feedback: null,
        decided_by: who.managerUserId,
        decided_at: at,
      });
      decidedOf.set(item.code, { evidenceId: id, at });
    }
    // Now and then the reviewer returned one claim on the same evidence with feedback.
    const returnable = notYet.find((i) => i.cluster === group[0]?.cluster && !group.includes(i));
    if (returnable && random.chance(settings.returned)) {
      chunk.rows.evidence_claims.push({
        id: context.nextId('evidence_claims'),
        trust_id: who.trustId,
        evidence_id: id,
        item_code: returnable.code,
        status: 'returned',
        feedback: feedbackOf(random),
        decided_by: who.managerUserId,
        decided_at: at,
      });
    }
  }
  const pending = [
    ...Array.from({ length: random.int(settings.awaiting.min, settings.awaiting.max) }, () => 'submitted' as const),
    ...Array.from({ length: random.int(settings.drafts.min, settings.drafts.max) }, () => 'draft' as const),
  ];
  for (const status of pending) {
    const items = random.sample(notYet, random.int(1, 3));
    if (items.length === 0) break;
    const { id } = addEvidence(items, status, random.int(1, status === 'submitted' ? 60 : 20));
    for (const item of items) {
      chunk.rows.evidence_claims.push({
        id: context.nextId('evidence_claims'),
        trust_id: who.trustId,
        evidence_id: id,
        item_code: item.code,
        status: 'claimed',
        feedback: null,
        decided_by: null,
        decided_at: null,
      });
    }
  }
  for (const { item, value } of judged) {
    const decided = decidedOf.get(item.code);
    const judgedAt = decided?.at ?? instantDaysAgo(now, random.int(10, 600), random.int(480, 960));
    // Some judgements have a history: developing first, then the current one.
    if (value !== 'not-started' && random.chance(settings.history)) {
      chunk.rows.judgements.push({
        id: context.nextId('judgements'),
        ...base,
        item_code: item.code,
        value: value === 'met' ? 'developing' : 'not-started',
        source: 'observation',
        evidence_id: null,
        note: 'Seen in class',
        judged_by: who.managerUserId,
        judged_at: new Date(judgedAt.getTime() - random.int(30, 300) * DAY_MS),
      });
    }
    chunk.rows.judgements.push({
      id: context.nextId('judgements'),
      ...base,
      item_code: item.code,
      value,
      source: decided ? 'evidence' : 'observation',
      evidence_id: decided ? decided.evidenceId : null,
      note: null,
      judged_by: who.managerUserId,
      judged_at: judgedAt,
    });
  }
};

/** The CPD log: done activities over two years from the role's suggestions, and a planned one or two. */
const cpdOf = (chunk: WorkforceChunk, random: Random, who: PortfolioPerson, context: PortfolioContext, judged: Judged[]) => {
  const role = context.catalogue.roles.get(who.gradedRole);
  const suggestions = role?.cpd.length ? role.cpd : ['Safeguarding update', 'Supporting pupils with SEND'];
  const weak = judged.filter((j) => j.value !== 'met').map((j) => j.item.code);
  const count = random.int(context.proportions.portfolio.cpdPerPerson.min, context.proportions.portfolio.cpdPerPerson.max);
  for (let n = 0; n < count; n++) {
    const planned = n === count - 1 && random.chance(0.4);
    const title = cpdTitleOf(random.pick(suggestions));
    const createdAt = instantDaysAgo(context.now, random.int(1, 700), random.int(480, 1000));
    chunk.rows.cpd_activities.push({
      id: context.nextId('cpd_activities'),
      trust_id: who.trustId,
      person_id: who.personId,
      status: planned ? 'planned' : 'done',
      title,
      provider: random.pick(CPD_PROVIDERS),
      kind: random.weighted(CPD_KINDS),
      occurred_on: planned ? null : context.day(-Math.round((context.now.getTime() - createdAt.getTime()) / DAY_MS)),
      minutes: 30 * random.int(2, 14),
      item_codes: random.sample(weak, random.int(0, 2)),
      reflection: planned ? '' : reflectionOf(random, title),
      created_by: who.userId,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
};

/** A duty profile for some staff: their own grade's duties, and for some the duties of the grade above. */
const dutyProfileOf = (chunk: WorkforceChunk, random: Random, who: PortfolioPerson, context: PortfolioContext) => {
  const settings = context.proportions.portfolio;
  if (!random.chance(settings.dutyProfiles)) return;
  const role = context.catalogue.roles.get(who.gradedRole);
  if (!role) return;
  const answers: Record<string, 'never' | 'occasionally' | 'regularly'> = {};
  for (const duty of role.duties) answers[duty] = random.chance(0.85) ? 'regularly' : 'occasionally';
  const next = role.next ? context.catalogue.roles.get(role.next) : undefined;
  if (next) {
    const above = random.chance(settings.aboveGrade);
    for (const duty of next.duties)
      answers[duty] = above ? (random.chance(0.8) ? 'regularly' : 'occasionally') : random.chance(0.15) ? 'occasionally' : 'never';
  }
  const recordedAt = instantDaysAgo(context.now, random.int(5, 300), random.int(480, 1000));
  const confirmed = random.chance(0.6);
  chunk.rows.duty_profiles.push({
    id: context.nextId('duty_profiles'),
    trust_id: who.trustId,
    person_id: who.personId,
    current_role: who.gradedRole,
    answers,
    status: confirmed ? 'confirmed' : 'self-assessed',
    recorded_by: who.userId,
    confirmed_by: confirmed ? who.managerUserId : null,
    recorded_at: recordedAt,
    confirmed_at: confirmed ? new Date(recordedAt.getTime() + random.int(1, 14) * DAY_MS) : null,
  });
};

/** Every portfolio row of one member of support staff, drawn from their own generator. */
export const portfolioOf = (chunk: WorkforceChunk, random: Random, who: PortfolioPerson, context: PortfolioContext): void => {
  const depth = depthOf(context.proportions, who.gradedRole);
  const holdsHlta = context.catalogue.hltaStatus !== null && random.chance(shareOf(context.proportions.hltaStatus, who.gradedRole));
  const hltaItems = new Set(holdsHlta ? (context.catalogue.hltaStatus?.items ?? []) : []);
  achievementsOf(chunk, random, who, context, holdsHlta);
  const judged = judgedItemsOf(random, context, depth, hltaItems);
  evidenceAndJudgementsOf(chunk, random, who, context, judged);
  cpdOf(chunk, random, who, context, judged);
  trainingOf(chunk, random, { trustId: who.trustId, personId: who.personId, recordedBy: who.headteacherUserId }, context);
  dutyProfileOf(chunk, random, who, context);
};
