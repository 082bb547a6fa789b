import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { proportionsFile } from '../read-proportions.ts';
import { parseWorkforceProportions } from './proportions.ts';

describe('the proportions file', () => {
  it('parses, with a reason or source beside each table of estimates', async () => {
    const proportions = parseWorkforceProportions(proportionsFile, await readFile(proportionsFile, 'utf8'));
    expect(proportions.scales.trust).toMatchObject({ schools: 90, staff: 12_000 });
    for (const reason of [
      proportions.roles.reason,
      proportions.qualifications.reason,
      proportions.portfolio.reason,
      proportions.training.reason,
    ])
      expect(reason.length).toBeGreaterThan(20);
  });

  it('refuses a malformed file naming the path and the reason', async () => {
    const text = await readFile(proportionsFile, 'utf8');
    expect(() => parseWorkforceProportions('p.yaml', text.replace('TA1: 7, TA2: 34', 'TA1: -7, TA2: 34'))).toThrow(
      /^p\.yaml: roles\.mainstream\.TA1: .*>=0/,
    );
    expect(() => parseWorkforceProportions('p.yaml', text.replace('    staff: 12000\n', ''))).toThrow(/^p\.yaml: scales\.trust\.staff: /);
    expect(() => parseWorkforceProportions('p.yaml', 'scales: [')).toThrow(/^p\.yaml is not valid YAML/);
  });
});
