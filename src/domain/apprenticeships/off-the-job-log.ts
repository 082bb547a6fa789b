import { type BreakInLearning, breakOn } from './calendar.ts';

/**
 * The off-the-job training log: entries the apprentice (or provider) records and the provider's
 * assessor approves or returns with feedback, and the one rule for what counts. Time is kept in
 * minutes (integer units). Pure: the log and "today" are passed in.
 */

export type OffTheJobEntryStatus = 'submitted' | 'approved' | 'returned';

export type OffTheJobEntryFacts = {
  id: string;
  date: string;
  minutes: number;
  status: OffTheJobEntryStatus;
  /** Evidence items of the apprentice this entry links. */
  evidenceIds: readonly string[];
};

/** Evidence of the apprentice marked as off-the-job training, with the time it records. */
export type OffTheJobEvidenceTime = {
  evidenceId: string;
  title: string;
  occurredOn: string;
  minutes: number;
  /** Whether the evidence has been decided with at least one claim accepted (the provider has seen it). */
  accepted: boolean;
};

export type CountedTime = { date: string; minutes: number; source: 'entry' | 'evidence'; id: string };

export type OffTheJobCount = {
  totalMinutes: number;
  /** Every piece of time counted, oldest first. */
  counted: CountedTime[];
  /** Evidence time not counted on its own because an approved entry linking it already records it. */
  coveredByEntries: { evidenceId: string; entryId: string }[];
  /** Minutes waiting for the provider: entries submitted, evidence time not yet accepted. */
  awaitingMinutes: number;
};

/**
 * What counts towards the off-the-job total, each minute once: approved entries count their own
 * time; evidence marked as off-the-job counts its time when accepted and no approved entry links it
 * (an entry that links the evidence already records that time, so it is not added a second time).
 */
export const countOffTheJobTime = (entries: readonly OffTheJobEntryFacts[], evidence: readonly OffTheJobEvidenceTime[]): OffTheJobCount => {
  const approved = entries.filter((e) => e.status === 'approved');
  const linkedBy = new Map<string, string>();
  for (const entry of approved) for (const id of entry.evidenceIds) if (!linkedBy.has(id)) linkedBy.set(id, entry.id);
  const counted: CountedTime[] = approved.map((e) => ({ date: e.date, minutes: e.minutes, source: 'entry', id: e.id }));
  const coveredByEntries: OffTheJobCount['coveredByEntries'] = [];
  let awaitingMinutes = entries.filter((e) => e.status === 'submitted').reduce((sum, e) => sum + e.minutes, 0);
  for (const item of evidence) {
    const entryId = linkedBy.get(item.evidenceId);
    if (entryId) coveredByEntries.push({ evidenceId: item.evidenceId, entryId });
    else if (item.accepted) counted.push({ date: item.occurredOn, minutes: item.minutes, source: 'evidence', id: item.evidenceId });
    else awaitingMinutes += item.minutes;
  }
  counted.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return { totalMinutes: counted.reduce((sum, c) => sum + c.minutes, 0), counted, coveredByEntries, awaitingMinutes };
};

/** Hours for people from minutes: at most two decimals. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

export type EntryDateProblem = 'before_start' | 'in_future' | 'in_break' | 'after_end';

/**
 * Why an entry's date cannot be logged, or null: training happens between the start and today (and
 * not after the practical period's end), and not during a break in learning, when none is planned.
 */
export const entryDateProblem = (
  date: string,
  period: { startDate: string; endDate: string | null; breaks: readonly BreakInLearning[]; today: string },
): { code: EntryDateProblem; message: string } | null => {
  if (date < period.startDate) return { code: 'before_start', message: 'The date must be on or after the apprenticeship’s start date' };
  if (date > period.today) return { code: 'in_future', message: 'The date must be today or in the past' };
  if (period.endDate !== null && date > period.endDate)
    return { code: 'after_end', message: 'The date must be on or before the end of the practical period' };
  if (breakOn(date, period.breaks))
    return { code: 'in_break', message: 'The date falls in a break in learning, when no training is planned' };
  return null;
};

export type EntryChange = 'edit' | 'approve' | 'return';

/**
 * Whether an entry in this status may change so: the apprentice edits an entry until it is approved
 * (editing a returned entry sends it back to the provider); the provider decides a submitted entry
 * once. An approved entry is locked.
 */
export const entryChangeProblem = (status: OffTheJobEntryStatus, change: EntryChange): string | null => {
  if (status === 'approved') return 'This entry has been approved and can no longer be changed';
  if ((change === 'approve' || change === 'return') && status !== 'submitted')
    return 'This entry has been returned: it waits for the apprentice to change it';
  return null;
};

/** The status after a change. */
export const statusAfter = (change: EntryChange): OffTheJobEntryStatus =>
  change === 'approve' ? 'approved' : change === 'return' ? 'returned' : 'submitted';

/** Nobody approves time they logged themselves: a provider who logs for the apprentice asks a colleague to decide. */
export const selfDecisionProblem = (entry: { createdBy: string }, deciderUserId: string): string | null =>
  entry.createdBy === deciderUserId ? 'You logged this entry yourself: another assessor of the provider decides it' : null;
