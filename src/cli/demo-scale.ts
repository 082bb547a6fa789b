import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { readConfig } from '../contracts/config.ts';
import { AppError } from '../contracts/errors.ts';
import { DEMO_PASSWORD, ensureDemoData } from '../demo/demo.ts';
import { readWorkforceProportions } from '../demo/read-proportions.ts';
import { type GeneratedWorkforce, generateDemoWorkforce } from '../demo/workforce-demo.ts';
import { diskFileStore } from '../store/file-store.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import { loadKeys } from '../usecases/secrets.ts';
import { withDatabase } from './db.ts';

const seedOf = (value: string) => {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('give a whole number from 0 to 999999999');
  return Number(value);
};

/** What was generated, and how to sign in to it. */
export const describeWorkforce = (result: GeneratedWorkforce): string => {
  const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
  const lines = [
    `Generated "${result.plan.trustName}" (trust id ${result.plan.trustId}): ${result.plan.schools.length} school(s), ${result.counts.people.toLocaleString('en-GB')} staff,`,
    `${result.counts.judgements.toLocaleString('en-GB')} judgements, ${result.counts.evidence_items.toLocaleString('en-GB')} evidence items; ${total.toLocaleString('en-GB')} rows in ${result.seconds.toFixed(1)} s (${result.method === 'copy' ? 'COPY' : 'batched INSERTs'}).`,
    `Sign in with password ${result.password} (no two-step verification) as:`,
    ...result.plan.logins.map((l) => `  ${l.email.padEnd(44)} ${l.role.padEnd(13)} ${l.organisation}`),
  ];
  return `${lines.join('\n')}\n`;
};

/** `pathways demo [--scale small|school|trust] [--seed N]`: demo data on this instance. */
export const registerDemoCommand = (program: Command) => {
  program
    .command('demo')
    .description('create demo data: the small Riverside demo (default), or a generated workforce with --scale school|trust')
    .addOption(
      new Option('--scale <scale>', 'small: the Riverside demo trust; school: one school of 150 staff; trust: 90 schools, 12,000 staff')
        .choices(['small', 'school', 'trust'])
        .default('small'),
    )
    .option('--seed <n>', 'seed of the generated workforce (same seed, same workforce)', seedOf, 1)
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(async (flags: { scale: 'small' | 'school' | 'trust'; seed: number; dataDir?: string; databaseUrl?: string }) => {
      const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
      if (config.production)
        throw new AppError('config_invalid', 'Demo data is refused in production mode', [{ where: 'NODE_ENV', reason: 'production' }]);
      const keys = await loadKeys(config);
      await withDatabase(config, async (database) => {
        const catalogue = await createCatalogueSource({ database });
        if (flags.scale === 'small') {
          const files = diskFileStore(join(config.dataDir, 'files'));
          const { created, logins } = await ensureDemoData({
            db: database.kysely,
            clock: () => new Date(),
            auditKey: keys.auditKey,
            portfolio: { catalogue: catalogue.current(), files },
          });
          process.stdout.write(
            created
              ? 'Created the Riverside demo trust.\n'
              : 'The database already has data: the small demo is only created on an empty one.\n',
          );
          for (const l of logins)
            process.stdout.write(`  ${l.email.padEnd(44)} ${l.role.padEnd(13)} ${l.organisation} (password ${DEMO_PASSWORD})\n`);
          return;
        }
        const bar = new cliProgress.SingleBar({
          stream: process.stderr,
          format: 'Generating [{bar}] {value}/{total} staff | {rows} rows | {rate} rows/s | {chunk}',
          hideCursor: true,
        });
        const proportions = await readWorkforceProportions();
        bar.start(proportions.scales[flags.scale].staff, 0, { rows: 0, rate: 0, chunk: '' });
        try {
          const result = await generateDemoWorkforce({
            database,
            catalogue: catalogue.current(),
            proportions,
            auditKey: keys.auditKey,
            clock: () => new Date(),
            scale: flags.scale,
            seed: flags.seed,
            onProgress: (p) =>
              bar.update(p.people, {
                rows: p.rows.toLocaleString('en-GB'),
                rate: Math.round(p.rows / Math.max(p.seconds, 0.001)).toLocaleString('en-GB'),
                chunk: p.chunk,
              }),
          });
          bar.stop();
          process.stdout.write(describeWorkforce(result));
        } catch (error) {
          bar.stop();
          throw error;
        }
      });
    });
};
