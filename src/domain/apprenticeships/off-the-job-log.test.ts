import { describe, expect, it } from 'vitest';
import { countOffTheJobTime, entryChangeProblem, entryDateProblem, type OffTheJobEntryFacts } from './off-the-job-log.ts';

const entry = (id: string, minutes: number, status: OffTheJobEntryFacts['status'], evidenceIds: string[] = []): OffTheJobEntryFacts => ({
  id,
  date: '2025-10-01',
  minutes,
  status,
  evidenceIds,
});

describe('counting off-the-job time', () => {
  it('counts approved entries only; submitted time waits for the provider and returned time does not count', () => {
    const count = countOffTheJobTime([entry('a', 120, 'approved'), entry('b', 60, 'submitted'), entry('c', 30, 'returned')], []);
    expect(count.totalMinutes).toBe(120);
    expect(count.awaitingMinutes).toBe(60);
  });

  it('counts accepted off-the-job evidence on its own, and not again when an approved entry links it', () => {
    const evidence = [
      { evidenceId: 'e1', title: 'Assignment', occurredOn: '2025-10-02', minutes: 180, accepted: true },
      { evidenceId: 'e2', title: 'Reflective account', occurredOn: '2025-10-03', minutes: 60, accepted: true },
    ];
    const count = countOffTheJobTime([entry('a', 180, 'approved', ['e1'])], evidence);
    expect(count.totalMinutes).toBe(180 + 60);
    expect(count.coveredByEntries).toEqual([{ evidenceId: 'e1', entryId: 'a' }]);
    expect(count.counted.map((c) => `${c.source}:${c.id}`)).toEqual(['entry:a', 'evidence:e2']);
  });

  it('still counts linked evidence once when the entry linking it is not approved yet', () => {
    const evidence = [{ evidenceId: 'e1', title: 'Assignment', occurredOn: '2025-10-02', minutes: 90, accepted: true }];
    expect(countOffTheJobTime([entry('a', 90, 'submitted', ['e1'])], evidence).totalMinutes).toBe(90);
    expect(countOffTheJobTime([entry('a', 90, 'approved', ['e1']), entry('b', 30, 'approved', ['e1'])], evidence).totalMinutes).toBe(120);
  });

  it('does not count evidence time the provider has not accepted', () => {
    const evidence = [{ evidenceId: 'e1', title: 'Draft', occurredOn: '2025-10-02', minutes: 45, accepted: false }];
    expect(countOffTheJobTime([], evidence)).toMatchObject({ totalMinutes: 0, awaitingMinutes: 45 });
  });
});

describe('an entry’s date and changes', () => {
  const period = {
    startDate: '2025-09-01',
    endDate: '2027-08-31',
    breaks: [{ from: '2026-01-01', to: '2026-01-31' }],
    today: '2026-03-01',
  };
  it('takes dates from the start to today, outside breaks in learning', () => {
    expect(entryDateProblem('2025-09-01', period)).toBeNull();
    expect(entryDateProblem('2025-08-31', period)?.code).toBe('before_start');
    expect(entryDateProblem('2026-03-02', period)?.code).toBe('in_future');
    expect(entryDateProblem('2026-01-15', period)?.code).toBe('in_break');
  });
  it('locks an approved entry and lets the provider decide a submitted one once', () => {
    expect(entryChangeProblem('submitted', 'approve')).toBeNull();
    expect(entryChangeProblem('returned', 'edit')).toBeNull();
    expect(entryChangeProblem('returned', 'approve')).toMatch(/waits for the apprentice/);
    expect(entryChangeProblem('approved', 'edit')).toMatch(/approved/);
  });
});
