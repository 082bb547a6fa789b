import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseForFidelity, quoteClaims } from './fidelity.ts';
import { readFrameworkFiles } from './load.ts';

const seedsDir = resolve(process.env.PATHWAYS_SEEDS_DIR ?? join(import.meta.dirname, '../../../shared/seeds'));
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent && process.env.PATHWAYS_REQUIRE_SEEDS === '1') {
  throw new Error(`PATHWAYS_REQUIRE_SEEDS=1 but the seed folder ${seedsDir} does not exist (set PATHWAYS_SEEDS_DIR)`);
}

describe('normaliseForFidelity', () => {
  it('ignores whitespace, bullets, emphasis and quote styles but keeps the words', () => {
    expect(normaliseForFidelity('•  children\u2019s   **health**\n and safety')).toBe("children's health and safety");
    expect(normaliseForFidelity('pupils')).not.toBe(normaliseForFidelity('pupil'));
  });
});

describe.skipIf(!seedsPresent)('framework data is faithful to the seeds', async () => {
  const sources = await readFrameworkFiles();
  const seedTexts = new Map<string, string>();
  const seedText = async (name: string) => {
    if (!seedTexts.has(name)) seedTexts.set(name, normaliseForFidelity(await readFile(join(seedsDir, name), 'utf8')));
    return seedTexts.get(name) ?? '';
  };

  it.each(sources.map((s) => [s.file, s] as const))('%s: every seed-provenanced text appears in its seed', async (_file, source) => {
    const missing: string[] = [];
    for (const claim of quoteClaims(source.framework)) {
      const seed = await seedText(claim.seed);
      if (!seed.includes(normaliseForFidelity(claim.text)))
        missing.push(`${claim.field} (${claim.seed} §${claim.section}): "${claim.text}"`);
    }
    expect(missing).toEqual([]);
  });

  it('checks a substantial number of quotations', () => {
    const total = sources.reduce((n, s) => n + quoteClaims(s.framework).length, 0);
    expect(total).toBeGreaterThan(400);
  });
});
