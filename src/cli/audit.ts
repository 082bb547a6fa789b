import type { Command } from 'commander';
import { readConfig } from '../contracts/config.ts';
import type { Database } from '../store/database.ts';
import { verifyAuditChains } from '../usecases/audit-log/audit-log.ts';
import { type Keys, loadKeys } from '../usecases/secrets.ts';
import { withDatabase } from './db.ts';

/** Exit code when a chain is broken (distinct from the error codes in errors.ts). */
export const BROKEN_CHAIN_EXIT = 1;

/**
 * Verifies the audit chains and prints one line per chain (or JSON); returns the exit code: 0 when all
 * verify, BROKEN_CHAIN_EXIT when any is broken, naming the first broken event and why.
 */
export const runAuditVerify = async (
  database: Database,
  keys: Keys,
  options: { trust?: string; format: 'table' | 'json' },
  write: (text: string) => void,
): Promise<number> => {
  const reports = await verifyAuditChains({ db: database.kysely, auditKey: keys.auditKey }, { trustId: options.trust });
  if (options.format === 'json') write(`${JSON.stringify({ chains: reports }, null, 2)}\n`);
  else {
    for (const { chain, verdict } of reports) {
      write(
        verdict.ok
          ? `ok      ${chain}: ${verdict.checked} events verified\n`
          : 'missing' in verdict
            ? `BROKEN  ${chain}: ${verdict.reason} (${verdict.checked} events verified)\n`
            : `BROKEN  ${chain}: event ${verdict.brokenAt}: ${verdict.reason} (${verdict.checked} events before it verified)\n`,
      );
    }
    if (reports.length === 0) write('There are no audit events yet.\n');
  }
  return reports.every((r) => r.verdict.ok) ? 0 : BROKEN_CHAIN_EXIT;
};

/** `pathways audit verify [--trust <id>]`: walks each trust's audit chain with the key held outside the database. */
export const registerAuditCommands = (program: Command) => {
  const auditCommand = program.command('audit').description('the tamper-evident audit trail');
  auditCommand
    .command('verify')
    .description('verify each audit chain and report the first broken link (exit 1 when any chain is broken)')
    .option('--trust <id>', 'only the chain of this trust')
    .option('--format <format>', 'table or json', 'table')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(async (flags: { trust?: string; format: string; dataDir?: string; databaseUrl?: string }) => {
      const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
      const keys = await loadKeys(config);
      const format = flags.format === 'json' ? 'json' : 'table';
      process.exitCode = await withDatabase(config, (database) =>
        runAuditVerify(database, keys, { trust: flags.trust, format }, (text) => process.stdout.write(text)),
      );
    });
};
