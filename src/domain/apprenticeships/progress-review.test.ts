import { beforeAll, describe, expect, it } from 'vitest';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { isReviewLocked, nextReviewDue, reviewAgenda, signProblem } from './progress-review.ts';

let rules: ApprenticeshipRules;
beforeAll(async () => {
  rules = await readApprenticeshipRules();
});

const signedByAll = { apprentice: 'x', employer: 'y', provider: 'z' };

describe('tripartite sign-off', () => {
  it('each party signs once, as themselves, and the third signature locks the review', () => {
    expect(signProblem({}, 'provider', ['provider'])).toBeNull();
    expect(signProblem({}, 'employer', ['provider'])).toBe('You cannot sign as the employer');
    expect(signProblem({ provider: 'z' }, 'provider', ['provider'])).toMatch(/already signed/);
    expect(isReviewLocked({ apprentice: 'x', provider: 'z' })).toBe(false);
    expect(isReviewLocked(signedByAll)).toBe(true);
    expect(signProblem(signedByAll, 'apprentice', ['apprentice'])).toMatch(/locked/);
  });
});

describe('the next review due', () => {
  const start = '2025-09-01';
  it('counts from the last review signed by all three; an unsigned review does not reset the clock', () => {
    const reviews = [
      { heldOn: '2025-11-01', signatures: signedByAll },
      { heldOn: '2026-01-20', signatures: { provider: 'z' } },
    ];
    const due = nextReviewDue(rules.progressReviews, { startDate: start, reviews, breaks: [], today: '2026-01-25' });
    expect(due).toMatchObject({ lastHeldOn: '2025-11-01', dueDate: '2026-01-24', overdue: true, daysOverdue: 1 });
  });
  it('is not overdue on the due date, and a break in learning moves it on', () => {
    expect(nextReviewDue(rules.progressReviews, { startDate: start, reviews: [], breaks: [], today: '2025-11-24' })).toMatchObject({
      dueDate: '2025-11-24',
      overdue: false,
    });
    const paused = nextReviewDue(rules.progressReviews, {
      startDate: start,
      reviews: [],
      breaks: [{ from: '2025-10-01', to: '2025-10-14' }],
      today: '2025-11-30',
    });
    expect(paused).toMatchObject({ dueDate: '2025-12-08', overdue: false });
  });
});

describe('the agenda', () => {
  it('comes from the off-the-job status, the KSBs still to be met (code with statement) and the open actions', () => {
    const agenda = reviewAgenda({
      offTheJob: { atRisk: true, actualHours: 20, minimumHours: 278, reason: 'at risk: 30 hours behind the 50 planned' },
      coverage: {
        items: [
          { code: 'ST1414.K30', text: 'Types of SEND', judgement: 'met', evidenceCount: 2 },
          { code: 'ST1414.K31', text: 'The SEND code of practice', judgement: 'not-started', evidenceCount: 0 },
        ],
      },
      openActions: [{ description: 'Book a shadowing day', owner: 'employer', dueOn: '2026-02-01' }],
    });
    expect(agenda).toEqual([
      'Off-the-job training (at risk): 20 of 278 hours approved; at risk: 30 hours behind the 50 planned',
      'KSB coverage: 1 of 2 KSBs judged met; 1 still to be met',
      'Plan evidence for ST1414.K31 — The SEND code of practice',
      'Action from the last review (employer, by 1 February 2026): Book a shadowing day',
      'Agree actions and the date of the next review',
    ]);
  });
});
