/**
 * How long submitted evidence may wait for its decision before the reviewer's queue flags it: two
 * weeks, a school's usual turnaround for signing off work (a Pathways choice; no source sets one).
 */
export const DECISION_OVERDUE_AFTER_DAYS = 14;

/** Whether evidence that has waited `waitingDays` whole days for a decision is overdue. */
export const isDecisionOverdue = (waitingDays: number): boolean => waitingDays >= DECISION_OVERDUE_AFTER_DAYS;

/** Whether someone has anyone whose evidence comes to them: their reports, or the apprentices they assess. */
export const reviewsAnyone = (actor: { reportIds: readonly string[]; apprenticeIds: readonly string[] }): boolean =>
  actor.reportIds.length + actor.apprenticeIds.length > 0;
