import { describe, expect, it } from 'vitest';
import { pipelineBandOf } from './dashboard-pipeline.ts';

describe('the progression pipeline bands', () => {
  it.each([
    [0, 34, 'under-25'],
    [8, 34, 'under-25'],
    [1, 4, '25-to-49'],
    [16, 34, '25-to-49'],
    [1, 2, '50-to-74'],
    [25, 34, '50-to-74'],
    [3, 4, '75-to-99'],
    [26, 34, '75-to-99'],
    [33, 34, '75-to-99'],
    [34, 34, 'ready'],
    [1, 1, 'ready'],
    [0, 0, 'not-measured'],
  ] as const)('puts %i of %i needs met in %s', (met, total, band) => {
    expect(pipelineBandOf(met, total)).toBe(band);
  });

  it('never rounds a share up into the next band: 74.9% is under 75%', () => {
    expect(pipelineBandOf(749, 1000)).toBe('50-to-74');
    expect(pipelineBandOf(999, 1000)).toBe('75-to-99');
  });
});
