import type { EvidenceKind } from '../../contracts/portfolio/evidence.ts';
import { addDays } from '../../domain/apprenticeships/calendar.ts';
import { offTheJobLog } from '../../store/apprenticeships/off-the-job.ts';
import { evidence } from '../../store/evidence.ts';
import { judgements } from '../../store/judgements.ts';
import type { DemoApprenticeKey, DemoEnrolment } from '../apprenticeships-demo.ts';
import { at, type DemoActivityContext, daysBetween, demoEvent, lastActiveDay } from './activity-context.ts';
import { later, schoolDayOnOrBefore } from './demo-calendar.ts';

/**
 * The apprentices' evidence against their KSBs (and the Associate Teacher's against the 16 duties):
 * pieces spread over the apprenticeship so far, each decided by the provider's assessor or the line
 * manager with every claim accepted, which records a judgement "met" — so coverage is what was
 * evidenced. One piece of Chloe's waits for a decision: it is in her supervisor's queue. One of
 * Fatima's records time spent on it as off-the-job training.
 */

type Decider = 'assessor' | 'priya';

type EvidencePlan = {
  kind: EvidenceKind;
  title: string;
  body: string;
  claims: string[];
  /** How far through the apprenticeship so far it happened (0 to 1); a waiting piece is 6 days ago. */
  share: number | 'waiting';
  decidedBy: Decider;
  offTheJobMinutes?: number;
};

const st = (...codes: string[]) => codes.map((c) => `ST1414.${c}`);
const at5 = (...codes: string[]) => codes.map((c) => `AT.${c}`);

const PLANS: Partial<Record<DemoApprenticeKey, EvidencePlan[]>> = {
  chloe: [
    {
      kind: 'reflective-account',
      title: 'Supporting a pupil with autism through a change of routine',
      body: 'When the Year 2 class moved to the hall for a rehearsal, I prepared J. with a social story and a now-and-next board the day before, and gave him a quiet job on arrival. He joined in for twenty minutes, which he had not managed before.',
      claims: st('K31', 'K34', 'S29', 'B3'),
      share: 0.15,
      decidedBy: 'assessor',
    },
    {
      kind: 'observation-record',
      title: 'Observed: leading a phonics intervention group',
      body: 'My assessor observed me leading a phase 3 phonics group of four pupils: modelling, scaffolded practice with decodable cards, and feedback to each pupil.',
      claims: st('S8', 'S12', 'K11', 'K12'),
      share: 0.3,
      decidedBy: 'assessor',
    },
    {
      kind: 'work-product',
      title: 'Visual timetables and now-and-next boards for Year 2',
      body: 'I made a visual timetable for the class and individual now-and-next boards for three pupils, and agreed with the teacher when each is used.',
      claims: st('K35', 'S9', 'K18'),
      share: 0.45,
      decidedBy: 'priya',
    },
    {
      kind: 'professional-discussion',
      title: 'Professional discussion: the SEND Code of Practice',
      body: 'A recorded discussion with my assessor about the graduated approach, who I would go to for advice, and how the school follows the local offer.',
      claims: st('K30', 'K22', 'S27'),
      share: 0.6,
      decidedBy: 'assessor',
    },
    {
      kind: 'witness-testimony',
      title: 'Witness testimony from the SENCo: an EHC plan review',
      body: 'The SENCo describes how I gathered the pupil’s views with a talking mat, reported his progress to his parents and contributed to the new outcomes.',
      claims: st('S13', 'S14', 'K23'),
      share: 0.75,
      decidedBy: 'priya',
    },
    {
      kind: 'reflective-account',
      title: 'Using a dyslexia screener with a Year 4 pupil',
      body: 'With the SENCo I used a dyslexia screener with a pupil whose reading had stalled, recorded the results and suggested three adjustments the class teacher now uses.',
      claims: st('K32', 'K33', 'S28', 'S10'),
      share: 0.9,
      decidedBy: 'assessor',
    },
    {
      kind: 'reflective-account',
      title: 'Leading a small-group social communication session',
      body: 'I planned and led a Lego-based social communication session for three pupils, with turn-taking roles, and noted what each pupil managed for the next session.',
      claims: st('S24', 'B2', 'K35'),
      share: 'waiting',
      decidedBy: 'assessor',
    },
  ],
  fatima: [
    {
      kind: 'reflective-account',
      title: 'Running a lunchtime nurture group for Year 7',
      body: 'I ran a six-week lunchtime nurture group for five Year 7 pupils finding the move to secondary hard, with a check-in, a shared activity and a check-out each week.',
      claims: st('K38', 'S32', 'S24', 'B3'),
      share: 0.2,
      decidedBy: 'assessor',
    },
    {
      kind: 'work-product',
      title: 'A well-being check-in for tutor time',
      body: 'I designed a two-minute well-being check-in for tutor groups, with a simple scale and a route for tutors to follow when a pupil asks for help.',
      claims: st('K39', 'S31', 'S25'),
      share: 0.4,
      decidedBy: 'assessor',
      offTheJobMinutes: 120,
    },
    {
      kind: 'professional-discussion',
      title: 'Professional discussion: the mental health and well-being policy',
      body: 'A recorded discussion with my assessor about the school’s policy, information sharing and the part I play in the graduated response.',
      claims: st('K36', 'S30', 'K3', 'S1'),
      share: 0.6,
      decidedBy: 'assessor',
    },
    {
      kind: 'witness-testimony',
      title: 'Witness testimony: supporting a pupil’s return after absence',
      body: 'The head of year describes how I planned a phased return with a pupil after long absence, spoke up for her at the review meeting and kept her family informed.',
      claims: st('K40', 'K41', 'S15', 'S14'),
      share: 0.75,
      decidedBy: 'assessor',
    },
    {
      kind: 'observation-record',
      title: 'Observed: a restorative conversation after a playground incident',
      body: 'My assessor observed me leading a restorative conversation between two Year 8 pupils, each telling what happened and agreeing what would put it right.',
      claims: st('K16', 'S22', 'B1', 'B2'),
      share: 0.9,
      decidedBy: 'assessor',
    },
  ],
  daniel: [
    {
      kind: 'work-product',
      title: 'A sequence of five Year 5 fractions lessons I planned and taught',
      body: 'I planned and taught five lessons on equivalent fractions under the class teacher’s supervision, with the assessment at the end of each one shaping the next.',
      claims: at5('D5', 'D8', 'D10'),
      share: 0.3,
      decidedBy: 'priya',
    },
    {
      kind: 'reflective-account',
      title: 'Assessing and reporting progress in Year 5 writing',
      body: 'I moderated a set of Year 5 narratives with the teacher, recorded where each pupil was, and wrote the next steps we shared with their parents.',
      claims: at5('D6', 'D7'),
      share: 0.55,
      decidedBy: 'priya',
    },
    {
      kind: 'observation-record',
      title: 'Observed: behaviour routines in a Year 4 class',
      body: 'My line manager observed me teaching a Year 4 class for a morning: clear routines, high expectations and calm corrections.',
      claims: at5('D9', 'D3'),
      share: 0.75,
      decidedBy: 'priya',
    },
    {
      kind: 'reflective-account',
      title: 'Coaching a TA3 colleague on questioning',
      body: 'I coached a TA3 colleague over four weeks on using open questions with a reading group, observing once and planning the next step together each time.',
      claims: at5('D2', 'D15'),
      share: 0.9,
      decidedBy: 'priya',
    },
  ],
};

export type PlannedEvidence = {
  id: string;
  enrolment: DemoEnrolment;
  plan: EvidencePlan;
  occurredOn: string;
  submittedOn: string;
  /** The day it was decided (every claim accepted), or null while it waits. */
  decidedOn: string | null;
};

/** The enrolment's evidence as planned, or none in its first four weeks. */
export const planKsbEvidence = (e: DemoEnrolment, today: string, newId: () => string): PlannedEvidence[] => {
  const last = lastActiveDay(e, today);
  const span = daysBetween(e.startDate, last);
  if (span < 28) return [];
  return (PLANS[e.key] ?? []).map((plan) => {
    if (plan.share === 'waiting') {
      const occurredOn = later(e.startDate, schoolDayOnOrBefore(addDays(today, -6)));
      return { id: newId(), enrolment: e, plan, occurredOn, submittedOn: addDays(today, -4), decidedOn: null };
    }
    const occurredOn = later(e.startDate, schoolDayOnOrBefore(addDays(e.startDate, Math.round(span * plan.share) - 10)));
    return { id: newId(), enrolment: e, plan, occurredOn, submittedOn: addDays(occurredOn, 2), decidedOn: addDays(occurredOn, 9) };
  });
};

/** Writes the evidence, its claims and decisions, the judgements "met" and the off-the-job time, with their audit events. */
export const writeKsbEvidence = async (ctx: DemoActivityContext, planned: readonly PlannedEvidence[]): Promise<void> => {
  const store = evidence(ctx.db);
  for (const p of planned) {
    const apprentice = ctx.users[p.enrolment.key];
    const decider = ctx.users[p.plan.decidedBy];
    const personId = p.enrolment.personId;
    await store.insert({
      id: p.id,
      trustId: ctx.trustId,
      personId,
      kind: p.plan.kind,
      title: p.plan.title,
      occurredOn: p.occurredOn,
      body: p.plan.body,
      createdBy: apprentice,
      createdAt: at(p.occurredOn, '17:00'),
      updatedAt: at(p.submittedOn, '17:00'),
    });
    const decidedAt = p.decidedOn ? at(p.decidedOn, '11:00') : null;
    await store.writeClaims(
      ctx.trustId,
      p.id,
      p.plan.claims.map((itemCode) => ({
        itemCode,
        status: decidedAt ? 'accepted' : 'claimed',
        feedback: null,
        decidedBy: decidedAt ? decider : null,
        decidedAt,
      })),
      ctx.newId,
    );
    await store.setStatus(ctx.trustId, p.id, { status: 'submitted', from: 'draft', at: at(p.submittedOn, '17:00') });
    const entity = { after: { title: p.plan.title, claims: p.plan.claims } };
    ctx.events.push(
      demoEvent(ctx, apprentice, 'evidence.created', 'evidence', p.id, { before: null, ...entity }),
      demoEvent(ctx, apprentice, 'evidence.submitted', 'evidence', p.id, { before: { status: 'draft' }, after: { status: 'submitted' } }),
    );
    if (p.plan.offTheJobMinutes) {
      await offTheJobLog(ctx.db).setEvidenceMinutes(ctx.trustId, p.id, p.plan.offTheJobMinutes);
      ctx.events.push(
        demoEvent(ctx, apprentice, 'offTheJob.evidenceTimeRecorded', 'person', personId, {
          enrolmentId: p.enrolment.id,
          evidenceId: p.id,
          before: { minutes: null },
          after: { minutes: p.plan.offTheJobMinutes },
        }),
      );
    }
    if (!decidedAt) continue;
    await store.setStatus(ctx.trustId, p.id, { status: 'decided', from: 'submitted', at: decidedAt });
    ctx.events.push(
      demoEvent(ctx, decider, 'evidence.decided', 'evidence', p.id, {
        before: { status: 'submitted', claims: p.plan.claims.map((c) => `${c}:claimed`) },
        after: { status: 'decided', decisions: p.plan.claims.map((itemCode) => ({ itemCode, outcome: 'accepted' })) },
      }),
    );
    for (const itemCode of p.plan.claims) {
      const id = ctx.newId();
      await judgements(ctx.db).insert({
        id,
        trustId: ctx.trustId,
        personId,
        itemCode,
        value: 'met',
        source: 'evidence',
        evidenceId: p.id,
        note: null,
        judgedBy: decider,
        judgedAt: decidedAt,
      });
      ctx.events.push(
        demoEvent(ctx, decider, 'judgement.recorded', 'judgement', id, {
          before: null,
          after: { personId, itemCode, value: 'met', source: 'evidence', evidenceId: p.id },
        }),
      );
    }
  }
};
