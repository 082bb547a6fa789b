import type { WorkPatternRules } from '../../framework/partnership-teaching-rules.ts';

export const weekdays = [1, 2, 3, 4, 5] as const;
export type Weekday = (typeof weekdays)[number];
export const sessions = ['morning', 'afternoon'] as const;
export type Session = (typeof sessions)[number];

export const weekdayNames: Record<Weekday, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' };

/** One half-day of a weekly pattern spent at one organisation (the home employer's are home commitments). */
export type PatternSlot = { weekday: Weekday; session: Session; partnerId: string };

/** Share of time as the deployment states it. */
export type ShareOfTime = { unit: 'fte' | 'hours_per_week'; value: number };

/** A half-day of another deployment of the same teacher (another partnership's, say). */
export type OtherCommitment = { weekday: Weekday; session: Session; partnerId: string; label: string };

export type Clash =
  | { kind: 'two-sites'; weekday: Weekday; session: Session; partnerIds: string[] }
  | { kind: 'home-commitment'; weekday: Weekday; session: Session; partnerId: string }
  | { kind: 'other-deployment'; weekday: Weekday; session: Session; partnerId: string; label: string };

const halfDay = (s: { weekday: number; session: string }) => `${s.weekday}-${s.session}`;

/**
 * The clashes in a weekly pattern: two organisations on one half-day, a host half-day on one the
 * teacher is committed at home (the home employer appears in the pattern), and a half-day another of
 * the teacher's deployments already takes. Empty when the pattern can be kept.
 */
export const clashesOf = (pattern: readonly PatternSlot[], homePartnerId: string, others: readonly OtherCommitment[] = []): Clash[] => {
  const clashes: Clash[] = [];
  for (const weekday of weekdays)
    for (const session of sessions) {
      const here = [...new Set(pattern.filter((s) => s.weekday === weekday && s.session === session).map((s) => s.partnerId))];
      const hosts = here.filter((p) => p !== homePartnerId);
      if (here.includes(homePartnerId) && hosts.length > 0)
        for (const partnerId of hosts) clashes.push({ kind: 'home-commitment', weekday, session, partnerId });
      else if (hosts.length > 1) clashes.push({ kind: 'two-sites', weekday, session, partnerIds: hosts });
      for (const other of others)
        if (halfDay(other) === halfDay({ weekday, session }))
          for (const partnerId of hosts) clashes.push({ kind: 'other-deployment', weekday, session, partnerId, label: other.label });
    }
  return clashes;
};

/** The hours a week the share of time stands for (an FTE share of the full-time week). */
export const shareHours = (share: ShareOfTime, rules: WorkPatternRules): number =>
  share.unit === 'fte' ? share.value * rules.fullTimeHoursPerWeek : share.value;

export type PlannedHours = { plannedHours: number; shareHours: number; difference: number; verdict: 'under' | 'matches' | 'over' };

/** Hours planned at host organisations (home commitments are not partnership time) against the share of time. */
export const plannedAgainstShare = (
  pattern: readonly PatternSlot[],
  homePartnerId: string,
  share: ShareOfTime,
  rules: WorkPatternRules,
): PlannedHours => {
  const hostHalfDays = new Set(pattern.filter((s) => s.partnerId !== homePartnerId).map(halfDay)).size;
  const plannedHours = hostHalfDays * rules.hoursPerHalfDay;
  const wanted = shareHours(share, rules);
  const difference = Math.round((plannedHours - wanted) * 100) / 100;
  const verdict = Math.abs(difference) <= rules.toleranceHours ? 'matches' : difference < 0 ? 'under' : 'over';
  return { plannedHours, shareHours: Math.round(wanted * 100) / 100, difference, verdict };
};

/** The week as rows of half-days: for each weekday, the organisations of its morning and afternoon. */
export const weekGrid = (pattern: readonly PatternSlot[]): { weekday: Weekday; morning: string[]; afternoon: string[] }[] =>
  weekdays.map((weekday) => ({
    weekday,
    morning: pattern.filter((s) => s.weekday === weekday && s.session === 'morning').map((s) => s.partnerId),
    afternoon: pattern.filter((s) => s.weekday === weekday && s.session === 'afternoon').map((s) => s.partnerId),
  }));
