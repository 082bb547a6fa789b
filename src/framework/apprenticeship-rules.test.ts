import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { AppError } from '../contracts/errors.ts';
import { apprenticeshipRulesFile, parseApprenticeshipRules, readApprenticeshipRules } from './apprenticeship-rules.ts';

const failure = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

const shipped = async () => parse(await readFile(apprenticeshipRulesFile, 'utf8'));

describe('the apprenticeship rules file', () => {
  it('holds the off-the-job versions in date order with their public sources, the review interval and the at-risk margin', async () => {
    const rules = await readApprenticeshipRules();
    expect(rules.offTheJobMinimum.map((r) => [r.id, r.effectiveFrom, r.effectiveTo])).toEqual([
      ['otj-2022-08', '2022-08-01', '2025-07-31'],
      ['otj-2025-08', '2025-08-01', null],
    ]);
    expect(rules.offTheJobMinimum.map((r) => 'source' in r.provenance && r.provenance.source)).toEqual([
      'https://www.gov.uk/government/publications/apprenticeship-funding-rules-2022-to-2023',
      'https://www.gov.uk/government/publications/apprenticeship-funding-rules-2025-to-2026',
    ]);
    expect(rules.offTheJobMinimum[1]).toMatchObject({ kind: 'fixed-per-standard', parameters: { floorHours: 187, minimumMonths: 8 } });
    expect(rules.progressReviews.maxIntervalWeeks).toBe(12);
  });

  it('refuses two versions that could both apply to one start date', async () => {
    const data = await shipped();
    data.offTheJobMinimum[1].effectiveFrom = '2025-07-31';
    const error = failure(() => parseApprenticeshipRules('rules.yaml', stringify(data)));
    expect(error.code).toBe('framework_invalid');
    expect(error.details).toContainEqual({
      where: 'rules.yaml.offTheJobMinimum[1].effectiveFrom',
      reason: 'overlaps rule otj-2022-08: one start date must choose one rule',
    });
  });

  it('names the path and reason of a malformed parameter', async () => {
    const data = await shipped();
    data.offTheJobMinimum[0].parameters.hoursPerWeek = -6;
    const error = failure(() => parseApprenticeshipRules('rules.yaml', stringify(data)));
    expect(error.details.map((d) => d.where)).toContain('rules.yaml.offTheJobMinimum[0].parameters.hoursPerWeek');
  });
});
