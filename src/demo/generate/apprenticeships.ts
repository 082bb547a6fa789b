import { addMonths } from '../../domain/apprenticeships/calendar.ts';
import type { PortfolioContext, PortfolioPerson } from './portfolio.ts';
import type { Random } from './random.ts';
import type { EnrolmentStatus, WorkforceChunk } from './rows.ts';

/** The demo training provider: its organisation and its assessor's account. */
export type DemoProvider = { id: string; assessorUserId: string };

/** The statuses an enrolment passes through on its way to each current status. */
const PATHS: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  on_programme: ['on_programme'],
  break_in_learning: ['on_programme', 'break_in_learning'],
  withdrawn: ['on_programme', 'withdrawn'],
  at_gateway: ['on_programme', 'at_gateway'],
  in_assessment: ['on_programme', 'at_gateway', 'in_assessment'],
  completed: ['on_programme', 'at_gateway', 'in_assessment', 'completed'],
};

const DAY_MS = 86_400_000;

/**
 * An apprenticeship enrolment for some experienced staff, with its status history: on programme
 * since the start, then (by the current status) a break, a withdrawal, the gateway, assessment and
 * a graded completion, each on a date consistent with the programme's length.
 */
export const enrolmentOf = (
  chunk: WorkforceChunk,
  random: Random,
  who: PortfolioPerson & { employerId: string; hoursPerWeek: number },
  provider: DemoProvider,
  context: PortfolioContext,
): void => {
  const settings = context.proportions.apprenticeships;
  if (!random.chance(settings.enrolled[who.gradedRole] ?? 0)) return;
  const programme = context.catalogue.programmes.get(random.weighted(settings.programmes));
  if (!programme) return;
  const months = programme.typicalMonths ?? settings.monthsWhereDataHasNone;
  const status = random.weighted(settings.statuses);
  const length = Math.round(months * 30.44);
  // Days ago the enrolment started, by where it stands now.
  const startedDaysAgo = {
    on_programme: random.int(20, Math.max(21, length - 30)),
    break_in_learning: random.int(90, Math.max(91, length - 30)),
    withdrawn: random.int(120, length + 200),
    at_gateway: length + random.int(-20, 40),
    in_assessment: length + random.int(30, 80),
    completed: length + random.int(120, 600),
  }[status];
  const startDate = context.day(-startedDaysAgo);
  const path = PATHS[status];
  // Each later status began a few weeks after the one before, the newest a few weeks ago.
  const gap = random.int(15, 45);
  const daysAgoOf = (i: number) => (i === 0 ? startedDaysAgo : Math.min(startedDaysAgo - i, (path.length - i) * gap));
  const froms = path.map((_, i) => context.day(-daysAgoOf(i)));
  const gateway = path.indexOf('at_gateway');
  const confirmedAt = gateway >= 0 ? new Date(context.now.getTime() - daysAgoOf(gateway) * DAY_MS) : null;
  const id = context.nextId('enrolments');
  const createdAt = new Date(context.now.getTime() - startedDaysAgo * DAY_MS);
  chunk.rows.enrolments.push({
    id,
    trust_id: who.trustId,
    person_id: who.personId,
    employer_id: who.employerId,
    provider_id: provider.id,
    programme: programme.id,
    option_code: programme.options.length > 0 ? random.pick(programme.options) : null,
    start_date: startDate,
    planned_end_date: addMonths(startDate, months),
    contracted_hours_per_week: who.hoursPerWeek,
    age_at_start: random.int(19, 55),
    status,
    employer_confirmed_by: confirmedAt ? who.headteacherUserId : null,
    employer_confirmed_at: confirmedAt,
    provider_confirmed_by: confirmedAt ? provider.assessorUserId : null,
    provider_confirmed_at: confirmedAt,
    created_by: who.headteacherUserId,
    created_at: createdAt,
    updated_at: context.now,
  });
  for (const [i, step] of path.entries()) {
    chunk.rows.enrolment_status_changes.push({
      id: context.nextId('enrolment_status_changes'),
      trust_id: who.trustId,
      enrolment_id: id,
      status: step,
      effective_from: froms[i] ?? startDate,
      effective_to: null,
      grade: step === 'completed' ? random.pick(settings.grades) : null,
      reason: step === 'withdrawn' ? random.pick(['Left the school', 'Personal circumstances', 'Changed role']) : null,
      recorded_by: step === 'on_programme' ? who.headteacherUserId : provider.assessorUserId,
      recorded_at: createdAt,
    });
  }
};
