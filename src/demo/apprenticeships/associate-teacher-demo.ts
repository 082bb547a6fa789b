import type { ModuleInput } from '../../domain/apprenticeships/associate-teacher-credits.ts';
import { addDays, addMonths } from '../../domain/apprenticeships/calendar.ts';
import { degreeModules } from '../../store/apprenticeships/associate-teacher-modules.ts';
import { supervisionLinks } from '../../store/apprenticeships/supervision-links.ts';
import type { DemoEnrolment } from '../apprenticeships-demo.ts';
import { at, type DemoActivityContext, demoEvent } from './activity-context.ts';

/**
 * The Associate Teacher's side of the demo: Daniel's integrated Foundation Degree in teaching and
 * learning as the provider has recorded it (modules of 20 credits at levels 4 and 5, passed with
 * their marks as each term ends, the current term's in progress), and the TA3 colleague he
 * supervises (Chloe), recorded by his line manager, at a school whose headteacher lets supervisors
 * decide their supervisees' evidence.
 */

type DemoModule = Omit<ModuleInput, 'result' | 'mark'> & {
  /** Months after the start when the module's term ends: passed from then, in progress the four months before. */
  endsAfterMonths: number;
  mark: number;
};

/** A Foundation Degree (FdA) in teaching and learning: 240 credits, 120 at each level. The titles are the demo's own. */
const MODULES: readonly DemoModule[] = [
  { code: 'FDTL401', title: 'Understanding How Children Learn', level: 4, credits: 20, endsAfterMonths: 4, mark: 64 },
  { code: 'FDTL402', title: 'Curriculum, Planning and Pedagogy', level: 4, credits: 20, endsAfterMonths: 4, mark: 58 },
  {
    code: 'FDTL403',
    title: 'Inclusive Practice and Special Educational Needs and Disabilities',
    level: 4,
    credits: 20,
    endsAfterMonths: 8,
    mark: 67,
  },
  {
    code: 'FDTL404',
    title: 'Professional Practice 1: Becoming a Reflective Practitioner',
    level: 4,
    credits: 20,
    endsAfterMonths: 8,
    mark: 61,
  },
  { code: 'FDTL405', title: 'Behaviour for Learning', level: 4, credits: 20, endsAfterMonths: 12, mark: 55 },
  { code: 'FDTL406', title: 'Literacy and Numeracy across the Curriculum', level: 4, credits: 20, endsAfterMonths: 12, mark: 70 },
  { code: 'FDTL501', title: 'Research-Informed Practice: a Small-Scale Enquiry', level: 5, credits: 20, endsAfterMonths: 16, mark: 62 },
  { code: 'FDTL502', title: 'Assessment for Learning and Reporting Progress', level: 5, credits: 20, endsAfterMonths: 16, mark: 59 },
  { code: 'FDTL503', title: 'Planning and Teaching Sequences of Learning', level: 5, credits: 20, endsAfterMonths: 20, mark: 66 },
  { code: 'FDTL504', title: 'Safeguarding, Well-being and Mental Health in Schools', level: 5, credits: 20, endsAfterMonths: 20, mark: 63 },
  {
    code: 'FDTL505',
    title: 'Professional Practice 2: Mentoring and Coaching Colleagues',
    level: 5,
    credits: 20,
    endsAfterMonths: 24,
    mark: 68,
  },
  {
    code: 'FDTL506',
    title: 'Work-Based Project: Leading an Improvement in Practice',
    level: 5,
    credits: 20,
    endsAfterMonths: 24,
    mark: 65,
  },
];

/** The modules recorded by today: passed (with the mark) once the term has ended, in progress during it. */
export const degreeModulesOn = (startDate: string, today: string): ModuleInput[] =>
  MODULES.flatMap(({ endsAfterMonths, mark, ...m }): ModuleInput[] => {
    const ends = addMonths(startDate, endsAfterMonths);
    if (ends <= today) return [{ ...m, result: 'passed', mark }];
    return addMonths(ends, -4) <= today ? [{ ...m, result: 'in_progress', mark: null }] : [];
  });

/** Writes Daniel's modules (recorded by the assessor), his supervision of Chloe and the school's setting, with their audit events. */
export const writeAssociateTeacher = async (
  ctx: DemoActivityContext,
  input: { enrolment: DemoEnrolment; supervisee: { personId: string; name: string } },
): Promise<void> => {
  const { enrolment } = input;
  for (const module of degreeModulesOn(enrolment.startDate, ctx.today)) {
    const id = ctx.newId();
    await degreeModules(ctx.db).insert({
      id,
      trustId: ctx.trustId,
      enrolmentId: enrolment.id,
      recordedBy: ctx.users.assessor,
      at: ctx.now,
      ...module,
    });
    ctx.events.push(
      demoEvent(ctx, ctx.users.assessor, 'enrolment.moduleRecorded', 'person', enrolment.personId, {
        enrolmentId: enrolment.id,
        moduleId: id,
        before: null,
        after: module,
      }),
    );
  }
  if (ctx.today < addDays(enrolment.startDate, 28)) return;
  const links = supervisionLinks(ctx.db);
  // Linked a few months into his apprenticeship, about five months ago at most.
  const linkedOn = [addDays(enrolment.startDate, 90), addDays(ctx.today, -150), ctx.today].sort()[1] ?? ctx.today;
  const linkId = ctx.newId();
  await links.insert({
    id: linkId,
    trustId: ctx.trustId,
    organisationId: enrolment.schoolId,
    supervisorId: enrolment.personId,
    superviseeId: input.supervisee.personId,
    startedOn: linkedOn,
    createdBy: ctx.users.priya,
    at: at(linkedOn, '12:00'),
  });
  ctx.events.push(
    demoEvent(ctx, ctx.users.priya, 'supervision.linked', 'person', enrolment.personId, {
      linkId,
      before: null,
      after: { superviseeId: input.supervisee.personId, superviseeName: input.supervisee.name },
    }),
  );
  await links.setSupervisorsDecide(ctx.trustId, enrolment.schoolId, true, ctx.users.sarah, ctx.now);
  ctx.events.push(
    demoEvent(ctx, ctx.users.sarah, 'organisation.supervisionSettingChanged', 'organisation', enrolment.schoolId, {
      before: { supervisorsDecide: false },
      after: { supervisorsDecide: true },
    }),
  );
};
