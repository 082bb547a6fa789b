import { addDays } from '../../domain/apprenticeships/calendar.ts';
import { type KsbEvidence, ksbCoverage } from '../../domain/apprenticeships/ksb-coverage.ts';
import { offTheJobStatus } from '../../domain/apprenticeships/off-the-job-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import { type OpenAction, type ReviewParty, reviewAgenda, reviewParties } from '../../domain/apprenticeships/progress-review.ts';
import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { progressReviews } from '../../store/apprenticeships/reviews.ts';
import type { DemoApprenticeKey, DemoEnrolment } from '../apprenticeships-demo.ts';
import { at, type DemoActivityContext, type DemoActivityUsers, demoEvent, inBreak, lastActiveDay } from './activity-context.ts';
import { schoolDayOnOrBefore } from './demo-calendar.ts';
import type { PlannedEvidence } from './ksb-evidence-demo.ts';
import type { PlannedEntry } from './off-the-job-demo.ts';

/**
 * The demo's tripartite progress reviews, each held and signed by the apprentice, the employer and
 * the provider's assessor, with a comment from each and the actions they agreed. The agenda is the
 * one the provider would have generated on the day (the off-the-job status, the KSBs still to be met
 * and the open actions), from the demo's log and evidence as they stood then. Chloe's and Fatima's
 * latest reviews are recent, Daniel's is due soon, and Amy has had none since her break in learning:
 * hers is overdue.
 */

type Action = { owner: ReviewParty; description: string; dueInDays: number };
type ReviewPlan = {
  /** When it was held: days before today, or a fixed date. */
  held: number | string;
  comments: Partial<Record<ReviewParty, string>>;
  actions: Action[];
};

const EMPLOYER: Record<DemoApprenticeKey, keyof DemoActivityUsers> = { chloe: 'priya', fatima: 'hannah', daniel: 'priya', amy: 'priya' };

const PLANS: Record<DemoApprenticeKey, ReviewPlan[]> = {
  chloe: [
    {
      held: 119,
      comments: { provider: 'Settled well into the programme. Next: evidence for the SEND option’s knowledge (K30 to K35).' },
      actions: [
        { owner: 'apprentice', description: 'Log off-the-job training every week, with the KSBs it covered', dueInDays: 28 },
        { owner: 'provider', description: 'Hold a professional discussion on the SEND Code of Practice', dueInDays: 42 },
      ],
    },
    {
      held: 35,
      comments: {
        apprentice:
          'I am more confident adapting resources for pupils with autism, and the now-and-next boards are used every day now. I would like to understand EHC plan reviews better.',
        employer:
          'Chloe runs the Year 2 speech and language group on her own now, and the teacher says the pupils settle faster. We will release her for the SENCo’s next annual review.',
        provider:
          'Good progress on the SEND knowledge and skills, and training is logged every week. The fixed off-the-job minimum for a start from August 2025 is still to be entered on the enrolment from the funding rules, so progress against a plan cannot be shown yet.',
      },
      actions: [
        { owner: 'employer', description: 'Release Chloe to shadow the SENCo at the next EHC plan annual review', dueInDays: 21 },
        { owner: 'apprentice', description: 'Write a reflective account of the EHC plan annual review (K30, S27)', dueInDays: 35 },
        { owner: 'provider', description: 'Observe Chloe leading the speech and language group (S8, S29)', dueInDays: 49 },
      ],
    },
  ],
  fatima: [
    {
      held: 105,
      comments: { provider: 'Off-the-job hours are ahead of the plan. The evidence so far is strongest on the nurture group.' },
      actions: [{ owner: 'apprentice', description: 'Write up the well-being check-in as a work product', dueInDays: 21 }],
    },
    {
      held: 21,
      comments: {
        apprentice:
          'The nurture group has finished its second round and two pupils now come to the check-in on their own. I want to learn more about working with CAMHS.',
        employer:
          'Fatima’s well-being check-in is used by every Year 7 tutor group now. The school will cover her for the alternative provision visit.',
        provider:
          'On track with off-the-job training, and strong evidence for the well-being option (K36 to K41). Next: the core skills on using assessment to plan (S10, S11).',
      },
      actions: [
        { owner: 'employer', description: 'Arrange for Fatima to join a CAMHS consultation with the SENCo', dueInDays: 28 },
        { owner: 'apprentice', description: 'Collect evidence of using assessment outcomes to plan support (S10, S11)', dueInDays: 35 },
        { owner: 'provider', description: 'Observe Fatima leading a tutor-time check-in', dueInDays: 49 },
      ],
    },
  ],
  daniel: [
    {
      held: 140,
      comments: { provider: 'A good start on the Foundation Degree; the level 4 modules are on course.' },
      actions: [
        {
          owner: 'apprentice',
          description: 'Plan the sequence of lessons for the module assignment with the class teacher',
          dueInDays: 35,
        },
      ],
    },
    {
      held: 56,
      comments: {
        apprentice:
          'The fractions sequence went well. I missed two university study days in the autumn term because I was covering classes.',
        employer: 'Daniel teaches Year 5 for two mornings a week under supervision. We will keep his study days free of cover from now on.',
        provider:
          'Off-the-job training is behind the plan: study days were missed and not made up. We agreed catch-up sessions, and to log the time spent on degree assignments.',
      },
      actions: [
        { owner: 'employer', description: 'Keep Daniel’s fortnightly university study day free of cover', dueInDays: 14 },
        { owner: 'apprentice', description: 'Book the two missed study days with the university and log assignment time', dueInDays: 28 },
        { owner: 'provider', description: 'Check the off-the-job hours against the plan', dueInDays: 84 },
      ],
    },
  ],
  amy: [
    {
      held: '2021-01-25',
      comments: {
        apprentice: 'I have finished the unit on supporting learning activities and want to start the behaviour unit when I am back.',
        employer: 'Amy supports the phonics groups well. Her maternity leave starts on 1 March.',
        provider: 'We agreed a break in learning from 1 March; the next review is due once Amy is back.',
      },
      actions: [{ owner: 'provider', description: 'Record the break in learning from 1 March 2021', dueInDays: 32 }],
    },
  ],
};

type Sources = { entries: readonly PlannedEntry[]; evidence: readonly PlannedEvidence[]; rules: ApprenticeshipRules };

/** The agenda the provider would have generated on the day of the review, from the log and the evidence as they were. */
const agendaOn = (ctx: DemoActivityContext, e: DemoEnrolment, day: string, sources: Sources, open: readonly OpenAction[]) => {
  const programme = programmeById(ctx.catalogue, e.programme);
  const entries = sources.entries
    .filter((x) => x.enrolment.id === e.id && x.date <= day)
    .map((x) => ({
      id: x.id,
      date: x.date,
      minutes: x.minutes,
      evidenceIds: [],
      status: addDays(x.date, 2) <= day ? x.status : 'submitted',
    }));
  const evidence = sources.evidence.filter((x) => x.enrolment.id === e.id && x.submittedOn <= day);
  const otj = offTheJobStatus(sources.rules, {
    startDate: e.startDate,
    plannedEndDate: e.plannedEndDate,
    contractedHoursPerWeek: e.contractedHoursPerWeek,
    priorLearningHours: 0,
    fixedMinimum: programme?.offTheJobMinimumHours
      ? { hours: programme.offTheJobMinimumHours.value, source: programme.offTheJobMinimumHours.source }
      : null,
    breaks: e.breaks,
    entries,
    evidence: evidence
      .filter((x) => x.plan.offTheJobMinutes)
      .map((x) => ({
        evidenceId: x.id,
        title: x.plan.title,
        occurredOn: x.occurredOn,
        minutes: x.plan.offTheJobMinutes ?? 0,
        accepted: x.decidedOn !== null && x.decidedOn <= day,
      })),
    today: day,
  });
  const held: Record<string, KsbEvidence> = {};
  for (const x of evidence)
    for (const code of x.plan.claims) {
      const met = x.decidedOn !== null && x.decidedOn <= day;
      held[code] = { count: (held[code]?.count ?? 0) + 1, ...(met || held[code]?.judgement ? { judgement: 'met' as const } : {}) };
    }
  const coverage = programme
    ? ksbCoverage(ctx.catalogue, { framework: programme.frameworkId, ...(e.optionCode ? { option: e.optionCode } : {}), evidence: held })
    : null;
  return reviewAgenda({
    offTheJob:
      otj.minimum.ok && otj.progress
        ? {
            atRisk: otj.progress.atRisk,
            actualHours: otj.approvedHours,
            minimumHours: otj.minimum.minimumHours,
            reason: otj.progress.reason,
          }
        : { unknown: otj.minimum.ok ? 'no plan yet' : otj.minimum.message },
    coverage:
      coverage?.ok && coverage.items.length > 0
        ? { items: coverage.items }
        : { unknown: 'this programme has no knowledge, skills and behaviours listed' },
    openActions: open.filter((a) => a.dueOn >= day),
  });
};

/** The review days of the enrolment: its plans' days that fall in the apprenticeship so far, not in a break. */
const heldDays = (e: DemoEnrolment, today: string) =>
  PLANS[e.key]
    .map((plan) => ({ plan, day: typeof plan.held === 'string' ? plan.held : schoolDayOnOrBefore(addDays(today, -plan.held)) }))
    .filter(({ day }) => day >= addDays(e.startDate, 28) && day <= lastActiveDay(e, today) && !inBreak(e, day));

/** Writes each enrolment's reviews, oldest first: planned by the assessor, commented, actions agreed, signed by all three. */
export const writeReviews = async (ctx: DemoActivityContext, enrolments: readonly DemoEnrolment[], sources: Sources): Promise<void> => {
  const store = progressReviews(ctx.db);
  for (const e of enrolments) {
    let open: OpenAction[] = [];
    const signer: Record<ReviewParty, string> = {
      apprentice: ctx.users[e.key],
      employer: ctx.users[EMPLOYER[e.key]],
      provider: ctx.users.assessor,
    };
    for (const { plan, day } of heldDays(e, ctx.today)) {
      const reviewId = ctx.newId();
      const agenda = agendaOn(ctx, e, day, sources, open);
      const ids = { enrolmentId: e.id, reviewId };
      const event = (actor: string, action: Parameters<typeof demoEvent>[2], data: Record<string, unknown>) =>
        demoEvent(ctx, actor, action, 'person', e.personId, { ...ids, ...data });
      await store.insert({
        id: reviewId,
        trustId: ctx.trustId,
        enrolmentId: e.id,
        heldOn: day,
        agenda,
        createdBy: ctx.users.assessor,
        at: at(addDays(day, -14), '09:00'),
      });
      ctx.events.push(event(ctx.users.assessor, 'progressReview.planned', { before: null, after: { heldOn: day, agenda } }));
      for (const [index, party] of reviewParties.entries()) {
        const body = plan.comments[party];
        if (!body) continue;
        const commentId = ctx.newId();
        await store.addComment({
          id: commentId,
          trustId: ctx.trustId,
          reviewId,
          party,
          body,
          authorId: signer[party],
          at: at(day, `15:0${index}`),
        });
        ctx.events.push(event(signer[party], 'progressReview.commented', { commentId, party, before: null, after: { body } }));
      }
      for (const a of plan.actions) {
        const actionId = ctx.newId();
        const agreed = { description: a.description, owner: a.owner, dueOn: addDays(day, a.dueInDays) };
        await store.addAction({
          id: actionId,
          trustId: ctx.trustId,
          reviewId,
          ...agreed,
          createdBy: ctx.users.assessor,
          at: at(day, '15:20'),
        });
        ctx.events.push(event(ctx.users.assessor, 'progressReview.actionAgreed', { actionId, before: null, after: agreed }));
      }
      for (const [index, party] of reviewParties.entries()) {
        await store.sign(ctx.trustId, reviewId, party, signer[party], at(day, `15:3${index}`));
        ctx.events.push(event(signer[party], 'progressReview.signed', { party, before: null, after: { party, locked: index === 2 } }));
      }
      open = plan.actions.map((a) => ({ description: a.description, owner: a.owner, dueOn: addDays(day, a.dueInDays) }));
    }
  }
};
