import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { BreakInLearning } from './calendar.ts';
import type { KsbCoverageItem } from './ksb-coverage.ts';
import type { OffTheJobProgress } from './off-the-job-plan.ts';
import { type ReviewSchedule, reviewSchedule } from './review-schedule.ts';

/**
 * Tripartite progress reviews: the apprentice, the employer and the provider each comment and sign
 * as themselves; a review signed by all three is held and locked; the next one falls due at most the
 * interval (data) after the last review held. Pure.
 */

export const reviewParties = ['apprentice', 'employer', 'provider'] as const;
export type ReviewParty = (typeof reviewParties)[number];

export const partyNames: Record<ReviewParty, string> = { apprentice: 'Apprentice', employer: 'Employer', provider: 'Training provider' };

export type ReviewSignatures = Partial<Record<ReviewParty, unknown>>;

/** A review is held, and locked, once all three parties have signed it. */
export const isReviewLocked = (signatures: ReviewSignatures): boolean => reviewParties.every((p) => signatures[p] != null);

/** Why this party cannot sign now, or null. */
export const signProblem = (signatures: ReviewSignatures, party: ReviewParty, actorParties: readonly ReviewParty[]): string | null => {
  if (isReviewLocked(signatures)) return 'This review has been signed by everyone and is locked';
  if (!actorParties.includes(party)) return `You cannot sign as the ${partyNames[party].toLowerCase()}`;
  if (signatures[party] != null) return `The ${partyNames[party].toLowerCase()} has already signed this review`;
  return null;
};

/** Why the review cannot take a comment or an action now, or null. */
export const changeProblem = (signatures: ReviewSignatures): string | null =>
  isReviewLocked(signatures) ? 'This review has been signed by everyone and is locked' : null;

/** When the next review is due, counted from the last review held (all three signatures). */
export const nextReviewDue = (
  rule: ApprenticeshipRules['progressReviews'],
  input: {
    startDate: string;
    reviews: readonly { heldOn: string; signatures: ReviewSignatures }[];
    breaks: readonly BreakInLearning[];
    today: string;
  },
): ReviewSchedule & { lastHeldOn: string | null } => {
  const held = input.reviews
    .filter((r) => isReviewLocked(r.signatures))
    .map((r) => r.heldOn)
    .sort();
  const lastHeldOn = held.at(-1) ?? null;
  return {
    ...reviewSchedule(rule, {
      startDate: input.startDate,
      breaks: input.breaks,
      today: input.today,
      ...(lastHeldOn ? { lastReviewDate: lastHeldOn } : {}),
    }),
    lastHeldOn,
  };
};

export type OpenAction = { description: string; owner: ReviewParty; dueOn: string };

export type AgendaInput = {
  offTheJob: (Pick<OffTheJobProgress, 'reason' | 'atRisk' | 'actualHours'> & { minimumHours: number }) | { unknown: string };
  coverage: { items: readonly Pick<KsbCoverageItem, 'code' | 'text' | 'judgement' | 'evidenceCount'>[] } | { unknown: string };
  openActions: readonly OpenAction[];
  /** How many KSBs without evidence to name (the rest are counted). */
  listLimit?: number;
};

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const spoken = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/** The agenda of a new review, from the KSB coverage, the off-the-job status and the actions still open. */
export const reviewAgenda = (input: AgendaInput): string[] => {
  const agenda: string[] = [];
  if ('unknown' in input.offTheJob) agenda.push(`Off-the-job training: ${input.offTheJob.unknown}`);
  else
    agenda.push(
      `Off-the-job training${input.offTheJob.atRisk ? ' (at risk)' : ''}: ${input.offTheJob.actualHours} of ${input.offTheJob.minimumHours} hours approved; ${input.offTheJob.reason}`,
    );
  if ('unknown' in input.coverage) agenda.push(`KSB coverage: ${input.coverage.unknown}`);
  else {
    const items = input.coverage.items;
    const met = items.filter((i) => i.judgement === 'met').length;
    // KSBs not yet judged met, those with no evidence at all first: what the next weeks should plan for.
    const open = items.filter((i) => i.judgement !== 'met').sort((a, b) => Number(a.evidenceCount > 0) - Number(b.evidenceCount > 0));
    agenda.push(`KSB coverage: ${met} of ${items.length} KSBs judged met; ${open.length} still to be met`);
    const limit = input.listLimit ?? 5;
    for (const item of open.slice(0, limit))
      agenda.push(`${item.evidenceCount === 0 ? 'Plan evidence for' : 'Review the evidence for'} ${item.code} — ${item.text}`);
    if (open.length > limit) agenda.push(`…and ${open.length - limit} more KSBs still to be met`);
  }
  for (const action of input.openActions)
    agenda.push(
      `Action from the last review (${partyNames[action.owner].toLowerCase()}, by ${spoken(action.dueOn)}): ${action.description}`,
    );
  agenda.push('Agree actions and the date of the next review');
  return agenda;
};
