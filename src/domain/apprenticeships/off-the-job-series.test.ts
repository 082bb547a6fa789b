import { describe, expect, it } from 'vitest';
import { offTheJobSeries } from './off-the-job-series.ts';

describe('the off-the-job series for the chart and its table', () => {
  const plan = { startDate: '2025-09-01', plannedEndDate: '2026-08-31', minimumHours: 365, breaks: [] };
  it('samples the planned line monthly to the end and gives actual hours up to today only', () => {
    const series = offTheJobSeries(plan, [{ date: '2025-09-10', minutes: 600, source: 'entry', id: 'a' }], '2025-10-15');
    expect(series[0]).toEqual({ date: '2025-09-01', plannedHours: 1, actualHours: 0, paused: false });
    expect(series.find((p) => p.date === '2025-10-01')).toMatchObject({ plannedHours: 31, actualHours: 10 });
    expect(series.find((p) => p.date === '2025-10-15')).toMatchObject({ actualHours: 10 });
    expect(series.find((p) => p.date === '2025-11-01')?.actualHours).toBeNull();
    expect(series.at(-1)).toMatchObject({ date: '2026-08-31', plannedHours: 365 });
  });
  it('moves the end on by a break in learning, the line standing still during it', () => {
    const series = offTheJobSeries({ ...plan, breaks: [{ from: '2025-11-01', to: '2025-11-30' }] }, [], '2025-09-02');
    expect(series.find((p) => p.date === '2025-11-01')).toMatchObject({ paused: true, plannedHours: 61 });
    expect(series.find((p) => p.date === '2025-12-01')).toMatchObject({ paused: false, plannedHours: 62 });
    expect(series.at(-1)).toMatchObject({ date: '2026-09-30', plannedHours: 365 });
  });
});
