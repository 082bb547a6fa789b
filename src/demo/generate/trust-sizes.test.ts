import { describe, expect, it } from 'vitest';
import { generatorInput, loadGeneratorInputs } from '../workforce-testing.ts';
import { generateWorkforce, planWorkforce } from './workforce.ts';

/**
 * The trust scale's sizes (issue 13: 90 schools, 12,000 staff, ~0.8M judgements, ~120k evidence
 * items). The plan gives the schools and staff without generating anything; judgements and evidence
 * are drawn person by person, so they are counted on a twelfth of the trust (1,000 staff in 12
 * schools, from the same tables) and scaled up: the whole trust takes several times longer to
 * generate than a unit test should (bench/workforce-load.bench.ts prints its real counts).
 */
describe('the trust scale', () => {
  it('plans 90 schools and 12,000 staff, and draws about 0.8 million judgements and 120,000 evidence items', async () => {
    const inputs = await loadGeneratorInputs();
    const plan = planWorkforce({ scale: 'trust', seed: 1, proportions: inputs.proportions });
    expect(plan.schools).toHaveLength(90);
    expect(plan.staff).toBe(12_000);

    const twelfth = { ...inputs.proportions.scales.trust, schools: 12, staff: 1_000 };
    const proportions = { ...inputs.proportions, scales: { ...inputs.proportions.scales, trust: twelfth } };
    let people = 0;
    let judgements = 0;
    let evidence = 0;
    for (const chunk of generateWorkforce(generatorInput({ ...inputs, proportions }, 'trust', 1))) {
      people += chunk.rows.people.length;
      judgements += chunk.rows.judgements.length;
      evidence += chunk.rows.evidence_items.length;
    }
    expect(people).toBe(1_000);
    const scaled = (n: number) => n * (plan.staff / people);
    expect(scaled(judgements)).toBeGreaterThan(700_000);
    expect(scaled(judgements)).toBeLessThan(900_000);
    expect(scaled(evidence)).toBeGreaterThan(100_000);
    expect(scaled(evidence)).toBeLessThan(140_000);
  });
});
