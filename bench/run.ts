/**
 * Runs every `*.bench.ts` file in bench/ one after the other, each in its own Node process, and
 * fails if any fails. `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
/** Benchmarks that load a whole generated trust need longer than the usual two minutes (milliseconds). */
const LONG_RUNNING: Record<string, number> = {
  'workforce-load.bench.ts': 30 * 60_000,
  'dashboard.bench.ts': 20 * 60_000,
  // The first run loads the trust into PGlite as well as PostgreSQL; later runs reuse both.
  'training-needs.bench.ts': 60 * 60_000,
};
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit', timeout: LONG_RUNNING[file] ?? 120_000 });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${file} failed (exit ${result.status ?? result.signal})\n`);
  }
}
process.stdout.write(`\n${files.length - failed}/${files.length} benchmark(s) passed\n`);
process.exitCode = failed > 0 ? 1 : 0;
