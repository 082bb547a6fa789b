import { addDays } from '../../domain/apprenticeships/calendar.ts';
import type { OffTheJobEntryStatus } from '../../domain/apprenticeships/off-the-job-log.ts';
import { offTheJobLog } from '../../store/apprenticeships/off-the-job.ts';
import type { DemoApprenticeKey, DemoEnrolment } from '../apprenticeships-demo.ts';
import { at, type DemoActivityContext, demoEvent, inBreak, lastActiveDay } from './activity-context.ts';
import { mondayOnOrAfter, termDays } from './demo-calendar.ts';

/**
 * The demo's off-the-job logs: each apprentice logs training at their own pace through the school
 * terms; the provider's assessor has approved what is more than a week old, the last week waits for
 * approval, and one of Chloe's entries was returned (a staff meeting is part of normal duties).
 * Fatima keeps ahead of her plan, Daniel falls behind his (a study day every other week), Chloe's
 * minimum is not known (her standard's fixed figure is not held) and Amy's rule is not held.
 */

type Topic = { activity: string; description: string; ksbCodes: string[] };

type LogPlan = {
  /** Days after the first Monday on or after the start (or the return from a break) of the first entry. */
  firstOffset: number;
  stepDays: number;
  hours: number;
  topics: readonly Topic[];
};

const send = (code: string) => `ST1414.${code}`;

const PLANS: Record<DemoApprenticeKey, LogPlan> = {
  chloe: {
    firstOffset: 9,
    stepDays: 7,
    hours: 6,
    topics: [
      {
        activity: 'teaching-of-theory',
        description: 'Provider workshop: the SEND Code of Practice and the graduated approach (assess, plan, do, review).',
        ksbCodes: [send('K30'), send('S27')],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Online module: autism, attachment and trauma, and dyslexia — what each means for learning in class.',
        ksbCodes: [send('K31')],
      },
      {
        activity: 'shadowing',
        description: 'Shadowed the SENCo at an EHC plan annual review, from the pupil’s views to the agreed outcomes.',
        ksbCodes: [send('K30'), send('S27')],
      },
      {
        activity: 'practical-training',
        description: 'Training on early identification: using a dyslexia screener and a speech and language checklist.',
        ksbCodes: [send('K32'), send('K33'), send('S28')],
      },
      {
        activity: 'mentoring',
        description: 'Mentoring with the class teacher on adapting a Year 2 maths lesson for two pupils with SEND.',
        ksbCodes: [send('K35'), send('S29')],
      },
      {
        activity: 'writing-assignments',
        description: 'Wrote the assignment on the impact of SEND on learning and development.',
        ksbCodes: [send('K34')],
      },
      {
        activity: 'industry-visits',
        description: 'Visited the specialist resource base at a neighbouring school to see its sensory and communication provision.',
        ksbCodes: [send('K19'), send('K35')],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Provider workshop: assessment for learning, and recording and reporting progress.',
        ksbCodes: [send('K13'), send('K14'), send('S10')],
      },
      {
        activity: 'learning-support',
        description: 'Study skills session with the provider’s learning support tutor: planning the next assignment.',
        ksbCodes: [],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Online learning: theories of learning and what they mean for small-group teaching.',
        ksbCodes: [send('K6'), send('K11')],
      },
    ],
  },
  fatima: {
    firstOffset: 10,
    stepDays: 7,
    hours: 7,
    topics: [
      {
        activity: 'teaching-of-theory',
        description: 'Provider workshop: the school’s mental health and well-being policy and the role of the senior mental health lead.',
        ksbCodes: [send('K36'), send('S30')],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Online module: self-regulation, and how co-regulation helps learners return to learning.',
        ksbCodes: [send('K37')],
      },
      {
        activity: 'shadowing',
        description: 'Shadowed the pastoral lead running the Year 7 nurture group.',
        ksbCodes: [send('K38'), send('S32')],
      },
      {
        activity: 'practical-training',
        description: 'Training on well-being screening: the Boxall profile and the strengths and difficulties questionnaire.',
        ksbCodes: [send('K39'), send('S31')],
      },
      {
        activity: 'mentoring',
        description: 'Mentoring with the SENCo on when and how to signpost a learner to the school counsellor or CAMHS.',
        ksbCodes: [send('K22'), send('S31')],
      },
      {
        activity: 'writing-assignments',
        description: 'Wrote the assignment on how social and emotional well-being affects learning and development.',
        ksbCodes: [send('K40')],
      },
      {
        activity: 'industry-visits',
        description: 'Visited the local alternative provision centre to see its reintegration programme.',
        ksbCodes: [send('K41'), send('K19')],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Provider workshop: restorative approaches and behaviour for learning.',
        ksbCodes: [send('K16'), send('S24')],
      },
      {
        activity: 'teaching-of-theory',
        description: 'Online learning: safeguarding, and sharing information safely with other professionals.',
        ksbCodes: [send('K3'), send('S1')],
      },
    ],
  },
  daniel: {
    firstOffset: 8,
    stepDays: 14,
    hours: 7,
    topics: [
      {
        activity: 'teaching-of-theory',
        description: 'University study day: lectures and seminars for the current Foundation Degree modules.',
        ksbCodes: [],
      },
      {
        activity: 'writing-assignments',
        description: 'Wrote the module assignment (a planned sequence of lessons with its rationale).',
        ksbCodes: [],
      },
      {
        activity: 'shadowing',
        description: 'Observed a Year 5 teacher’s maths sequence and discussed the planning behind it.',
        ksbCodes: [],
      },
      { activity: 'teaching-of-theory', description: 'University study day: research methods for the small-scale enquiry.', ksbCodes: [] },
      {
        activity: 'mentoring',
        description: 'Mentoring with the school’s Associate Teacher mentor on questioning and feedback.',
        ksbCodes: [],
      },
    ],
  },
  amy: {
    firstOffset: 8,
    stepDays: 14,
    hours: 5,
    topics: [
      {
        activity: 'teaching-of-theory',
        description: 'Online learning: the Level 3 unit on supporting learning activities, catching up after the break.',
        ksbCodes: [],
      },
      {
        activity: 'practical-training',
        description: 'Training with the literacy lead on delivering the phonics catch-up programme.',
        ksbCodes: [],
      },
      {
        activity: 'writing-assignments',
        description: 'Wrote up the unit assignment on supporting children’s positive behaviour.',
        ksbCodes: [],
      },
    ],
  },
};

/** Chloe's returned entry, about three weeks back. */
const RETURNED: Topic & { feedback: string } = {
  activity: 'practical-training',
  description: 'Staff meeting on the new behaviour policy.',
  ksbCodes: [],
  feedback:
    'A staff meeting is part of your normal working duties, so it does not count as off-the-job training. Change this entry to the training you did that day, with the knowledge, skills and behaviours it covered.',
};

export type PlannedEntry = {
  id: string;
  enrolment: DemoEnrolment;
  date: string;
  minutes: number;
  activity: string;
  description: string;
  ksbCodes: string[];
  status: OffTheJobEntryStatus;
  feedback: string | null;
};

/** The enrolment's log as planned: entries to yesterday (or the end of the practical period), the last week waiting. */
export const planOffTheJob = (e: DemoEnrolment, today: string, newId: () => string): PlannedEntry[] => {
  const plan = PLANS[e.key];
  const from = e.breaks.reduce((latest, b) => (b.to && b.to >= latest ? addDays(b.to, 1) : latest), e.startDate);
  const days = termDays(addDays(mondayOnOrAfter(from), plan.firstOffset), lastActiveDay(e, today), plan.stepDays).filter(
    (d) => !inBreak(e, d),
  );
  const returnedOn = e.key === 'chloe' ? days.filter((d) => d <= addDays(today, -18)).at(-1) : undefined;
  return days.map((date, index) => {
    const topic = date === returnedOn ? RETURNED : (plan.topics[index % plan.topics.length] ?? RETURNED);
    const waiting = date > addDays(today, -8);
    return {
      id: newId(),
      enrolment: e,
      date,
      minutes: plan.hours * 60,
      activity: topic.activity,
      description: topic.description,
      ksbCodes: topic.ksbCodes,
      status: date === returnedOn ? 'returned' : waiting ? 'submitted' : 'approved',
      feedback: date === returnedOn ? RETURNED.feedback : null,
    };
  });
};

/** Writes the planned entries through the store, each logged by the apprentice and decided by the assessor, with their audit events. */
export const writeOffTheJob = async (ctx: DemoActivityContext, entries: readonly PlannedEntry[]): Promise<void> => {
  const log = offTheJobLog(ctx.db);
  for (const entry of entries) {
    const apprentice = ctx.users[entry.enrolment.key];
    const fields = {
      date: entry.date,
      minutes: entry.minutes,
      activity: entry.activity,
      description: entry.description,
      ksbCodes: entry.ksbCodes,
      evidenceIds: [],
    };
    await log.insert({
      id: entry.id,
      trustId: ctx.trustId,
      enrolmentId: entry.enrolment.id,
      createdBy: apprentice,
      at: at(entry.date, '16:30'),
      ...fields,
    });
    const ids = { enrolmentId: entry.enrolment.id, entryId: entry.id };
    ctx.events.push(
      demoEvent(ctx, apprentice, 'offTheJob.logged', 'person', entry.enrolment.personId, {
        ...ids,
        before: null,
        after: { ...fields, hours: entry.minutes / 60, status: 'submitted' },
      }),
    );
    if (entry.status === 'submitted') continue;
    const decision = { status: entry.status, feedback: entry.feedback, by: ctx.users.assessor, at: at(addDays(entry.date, 2), '10:00') };
    await log.decide(ctx.trustId, entry.id, decision);
    ctx.events.push(
      demoEvent(
        ctx,
        ctx.users.assessor,
        entry.status === 'approved' ? 'offTheJob.approved' : 'offTheJob.returned',
        'person',
        entry.enrolment.personId,
        {
          ...ids,
          before: { status: 'submitted' },
          after: { status: entry.status, minutes: entry.minutes, feedback: entry.feedback },
        },
      ),
    );
  }
};
