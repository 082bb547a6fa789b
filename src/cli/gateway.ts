import type { Command } from 'commander';
import { readConfig } from '../contracts/config.ts';
import type { GatewayReadiness } from '../domain/apprenticeships/gateway.ts';
import { operatorGateway } from '../usecases/apprenticeships/gateway.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import { withDatabase } from './db.ts';

/** `pathways gateway --enrolment <id> [--json]`: an enrolment's Gateway to Completion readiness, each unmet item with its next action. */

type Output = (text: string) => void;

const text = (name: string, r: GatewayReadiness): string => {
  if (!r.applies) return `${name}: no Gateway to Completion. ${r.reason}\n`;
  const lines = [`${name}: ${r.version.terms.gateway} — ${r.ready ? 'ready' : 'not ready'} (rules ${r.version.id})`];
  for (const i of r.items) {
    lines.push(`  ${i.met ? '[x]' : '[ ]'} ${i.label}`);
    for (const e of i.evidence) lines.push(`        ${e}`);
    for (const a of i.nextActions) lines.push(`      → ${a}`);
  }
  return `${lines.join('\n')}\n`;
};

/** Runs the command against a database (the CLI's and the tests' entry point). */
export const runGateway = async (
  database: Parameters<Parameters<typeof withDatabase>[1]>[0],
  options: { enrolment: string; json: boolean; today?: Date },
  write: Output,
): Promise<void> => {
  const catalogue = (await createCatalogueSource({ database })).current();
  const { enrolment, readiness } = await operatorGateway(
    { db: database.kysely, catalogue, clock: () => options.today ?? new Date() },
    options.enrolment,
  );
  if (options.json) {
    const items = readiness.applies ? readiness.items.map(({ node: _, ...item }) => item) : undefined;
    write(`${JSON.stringify({ enrolmentId: enrolment.id, ...readiness, ...(items ? { items } : {}) }, null, 2)}\n`);
  } else
    write(text(`${enrolment.personName}, ${enrolment.programme}${enrolment.optionCode ? ` (${enrolment.optionCode})` : ''}`, readiness));
};

export const registerGatewayCommand = (program: Command) => {
  program
    .command('gateway')
    .description('Gateway to Completion readiness of an apprenticeship enrolment (formerly the end-point assessment gateway)')
    .requiredOption('--enrolment <id>', 'the enrolment id')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(async (flags: { enrolment: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
      const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
      await withDatabase(config, (database) =>
        runGateway(database, { enrolment: flags.enrolment, json: flags.json === true }, (t) => process.stdout.write(t)),
      );
    });
};
