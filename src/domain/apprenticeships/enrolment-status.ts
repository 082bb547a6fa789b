import { activeDaysBetween, addDays, type BreakInLearning, dayNumber } from './calendar.ts';
import type { EnrolmentStatus } from './enrolment.ts';

/**
 * The status rules of an enrolment: which change may follow which, what each needs (a completion
 * its grade, a past break both its dates), and what the history means for the clock (breaks in
 * learning pause expected progress and off-the-job targets). Pure: today is passed in.
 */

/** The words for each status, in the current terms (Gateway to Completion, apprenticeship assessment since August 2025). */
export const statusNames: Record<EnrolmentStatus, string> = {
  on_programme: 'On programme',
  break_in_learning: 'Break in learning',
  withdrawn: 'Withdrawn',
  at_gateway: 'At Gateway to Completion',
  in_assessment: 'In apprenticeship assessment',
  completed: 'Completed',
};

/** The terms used before August 2025, kept so searches for them still find these statuses. */
export const formerStatusNames: Partial<Record<EnrolmentStatus, string>> = {
  at_gateway: 'At gateway (end-point assessment gateway)',
  in_assessment: 'In end-point assessment (EPA)',
};

/** Which status may follow which. Withdrawn and completed are final; from a break the apprentice returns or withdraws. */
export const allowedNext: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  on_programme: ['break_in_learning', 'at_gateway', 'withdrawn'],
  break_in_learning: ['on_programme', 'withdrawn'],
  at_gateway: ['in_assessment', 'on_programme', 'withdrawn'],
  in_assessment: ['completed', 'on_programme', 'withdrawn'],
  withdrawn: [],
  completed: [],
};

export type StatusChangeRequest = {
  status: EnrolmentStatus;
  effectiveFrom: string;
  /** Only for a break in learning already over when it is recorded: its last day. */
  effectiveTo?: string | null;
  grade?: string | null;
  reason?: string | null;
};

/**
 * Where the enrolment stands against Gateway to Completion, for a change to "at Gateway to Completion":
 * the items still unmet (each with its next actions), or why the programme has none.
 */
export type GatewayCheck =
  | { applies: true; unmet: readonly { label: string; nextActions: readonly string[] }[] }
  | { applies: false; reason: string };

export type StatusChangeContext = {
  current: EnrolmentStatus;
  startDate: string;
  /** The effective date of the latest change in the history (a change cannot go back before it). */
  latestEffectiveFrom: string;
  today: string;
  /** The readiness checked today: needed to record "at Gateway to Completion", which it must allow. */
  gateway?: GatewayCheck;
};

/** What storing the change does: the status the enrolment now has, and whether an open break closes. */
export type StatusChangePlan = { newStatus: EnrolmentStatus; closesBreakOn: string | null; effectiveTo: string | null };

export type StatusProblem = { where: string; reason: string };

const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const spoken = (iso: string) => long.format(new Date(`${iso}T00:00:00Z`));

/**
 * Whether the change may be recorded, and what it does; problems name the field and why. A break
 * recorded with its last day (already over) leaves the enrolment on programme; an open break is
 * closed by the return to programme, its last day the day before.
 */
export const planStatusChange = (
  ctx: StatusChangeContext,
  change: StatusChangeRequest,
): { ok: true; plan: StatusChangePlan } | { ok: false; problems: StatusProblem[] } => {
  const problems: StatusProblem[] = [];
  const allowed = allowedNext[ctx.current];
  if (!allowed.includes(change.status))
    problems.push({
      where: 'status',
      reason:
        allowed.length === 0
          ? `the enrolment is ${statusNames[ctx.current].toLowerCase()}: no further change can be recorded`
          : `from ${statusNames[ctx.current].toLowerCase()} the next status can only be ${allowed.map((s) => statusNames[s].toLowerCase()).join(', ')}`,
    });
  if (change.effectiveFrom < ctx.startDate)
    problems.push({ where: 'effectiveFrom', reason: `the date must be on or after the start date, ${spoken(ctx.startDate)}` });
  if (change.effectiveFrom < ctx.latestEffectiveFrom)
    problems.push({ where: 'effectiveFrom', reason: `the date must be on or after the latest change, ${spoken(ctx.latestEffectiveFrom)}` });
  if (change.effectiveFrom > ctx.today) problems.push({ where: 'effectiveFrom', reason: 'the date must not be in the future' });
  const to = change.effectiveTo ?? null;
  if (to !== null) {
    if (change.status !== 'break_in_learning') problems.push({ where: 'effectiveTo', reason: 'only a break in learning has a last day' });
    else if (to < change.effectiveFrom)
      problems.push({ where: 'effectiveTo', reason: 'the last day of the break must be on or after its first day' });
    else if (to >= ctx.today)
      problems.push({
        where: 'effectiveTo',
        reason: 'give a last day only for a break that is already over; record the return when the apprentice comes back',
      });
  }
  const grade = change.grade?.trim() ?? '';
  if (change.status === 'completed' && grade === '') problems.push({ where: 'grade', reason: 'a completion needs the grade awarded' });
  if (change.status !== 'completed' && grade !== '') problems.push({ where: 'grade', reason: 'only a completion has a grade' });
  if (change.status === 'withdrawn' && (change.reason?.trim() ?? '') === '')
    problems.push({ where: 'reason', reason: 'say why the apprentice withdrew' });
  if (change.status === 'at_gateway' && allowed.includes('at_gateway')) problems.push(...gatewayProblems(ctx.gateway));
  if (problems.length > 0) return { ok: false, problems };
  const pastBreak = change.status === 'break_in_learning' && to !== null;
  return {
    ok: true,
    plan: {
      newStatus: pastBreak ? ctx.current : change.status,
      closesBreakOn: ctx.current === 'break_in_learning' ? addDays(change.effectiveFrom, -1) : null,
      effectiveTo: to,
    },
  };
};

/**
 * Why "at Gateway to Completion" cannot be recorded: the programme has none, or the readiness is not
 * ready, in one problem (a form shows one message per field) that lists every unmet item with what
 * to do next. None when ready.
 */
const gatewayProblems = (gateway: GatewayCheck | undefined): StatusProblem[] => {
  if (!gateway) return [{ where: 'status', reason: 'the Gateway to Completion readiness has not been checked' }];
  if (!gateway.applies) return [{ where: 'status', reason: `there is no Gateway to Completion: ${gateway.reason}` }];
  if (gateway.unmet.length === 0) return [];
  const items = gateway.unmet.map(
    (item) => `“${item.label}”${item.nextActions.length > 0 ? ` (next: ${item.nextActions.join('; ')})` : ''}`,
  );
  const count = gateway.unmet.length === 1 ? '1 item is' : `${gateway.unmet.length} items are`;
  return [{ where: 'status', reason: `the apprentice is not ready for Gateway to Completion: ${count} not met — ${items.join('; ')}` }];
};

/** The breaks in learning of a status history (an open one has no last day). */
export const breaksOf = (
  history: readonly { status: EnrolmentStatus; effectiveFrom: string; effectiveTo: string | null }[],
): BreakInLearning[] =>
  history
    .filter((h) => h.status === 'break_in_learning')
    .map((h) => (h.effectiveTo ? { from: h.effectiveFrom, to: h.effectiveTo } : { from: h.effectiveFrom }));

/**
 * The days of the practical period, from the start to the planned end (both counted), leaving out
 * the days in breaks in learning: the clock that expected progress and off-the-job targets run on.
 * An ongoing break counts as paused from its first day to the planned end.
 */
export const practicalPeriodDays = (startDate: string, plannedEndDate: string, breaks: readonly BreakInLearning[]): number =>
  activeDaysBetween(startDate, addDays(plannedEndDate, 1), breaks);

/** The days of learning so far, from the start to `today` (counted), breaks left out. */
export const daysOnProgramme = (startDate: string, today: string, breaks: readonly BreakInLearning[]): number =>
  dayNumber(today) < dayNumber(startDate) ? 0 : activeDaysBetween(startDate, addDays(today, 1), breaks);
