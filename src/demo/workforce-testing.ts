import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { workforceCatalogueOf } from './generate/catalogue-view.ts';
import type { WorkforceProportions } from './generate/proportions.ts';
import { WORKFORCE_TABLES, type WorkforceChunk, type WorkforceTables } from './generate/rows.ts';
import { generateWorkforce, type WorkforceInput, type WorkforceScale } from './generate/workforce.ts';
import { readWorkforceProportions } from './read-proportions.ts';

/** The real framework data and proportions, read once per test file. */
export const loadGeneratorInputs = async (): Promise<{ catalogue: Catalogue; proportions: WorkforceProportions }> => ({
  catalogue: buildCatalogue(await readFrameworkFiles()),
  proportions: await readWorkforceProportions(),
});

export const TEST_NOW = new Date('2026-12-04T09:00:00Z');

/** The input of a test generation at a fixed instant. */
export const generatorInput = (
  inputs: { catalogue: Catalogue; proportions: WorkforceProportions },
  scale: WorkforceScale,
  seed: number,
): WorkforceInput => ({
  scale,
  seed,
  proportions: inputs.proportions,
  catalogue: workforceCatalogueOf(inputs.catalogue),
  today: TEST_NOW.toISOString().slice(0, 10),
  now: TEST_NOW,
  passwordHash: 'not-a-real-hash',
});

/** Every row of a generation, gathered table by table (for tests of small scales only). */
export const gatherRows = (input: WorkforceInput): { [T in keyof WorkforceTables]: WorkforceTables[T][] } => {
  const all = Object.fromEntries(WORKFORCE_TABLES.map((t) => [t, []])) as unknown as WorkforceChunk['rows'];
  for (const chunk of generateWorkforce(input)) {
    for (const table of WORKFORCE_TABLES) (all[table] as unknown[]).push(...chunk.rows[table]);
  }
  return all;
};
