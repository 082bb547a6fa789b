/**
 * The `pathways` command line. Each command is registered by its own module and calls the same
 * use-cases as the web application; errors become exit codes in one place (errors.ts).
 */
import { Command } from 'commander';
import { readConfig } from '../contracts/config.ts';
import { migrate } from '../store/migrate.ts';
import { registerAuditCommands } from './audit.ts';
import { withCatalogue, withDatabase } from './db.ts';
import { registerDemoCommand } from './demo-scale.ts';
import { reportError } from './errors.ts';
import { registerFrameworkCommands } from './framework.ts';
import { registerGatewayCommand } from './gateway.ts';
import { registerImportCommands } from './import.ts';
import { registerOtjCommands } from './otj.ts';
import { registerPartnershipCommands } from './partnership.ts';
import { registerProgressionCommands } from './progression.ts';
import { registerProviderCommands } from './provider.ts';
import { registerServeCommand } from './serve.ts';
import { registerTnaCommand } from './tna.ts';
import { registerTrustCommands } from './trust.ts';

export const buildProgram = (): Command => {
  const program = new Command('pathways')
    .description('Pathways: the career framework and CPD of school support staff')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  program
    .command('migrate')
    .description('apply pending database migrations (also done by serve at start)')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(async (flags: { dataDir?: string; databaseUrl?: string }) => {
      const config = readConfig(flags);
      const applied = await withDatabase(config, (database) => migrate(database.kysely));
      process.stdout.write(
        applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The database is up to date.\n',
      );
    });
  registerFrameworkCommands(program);
  registerAuditCommands(program);
  registerTrustCommands(program);
  registerProviderCommands(program);
  registerDemoCommand(program);
  registerImportCommands(program);
  registerGatewayCommand(program);
  registerTnaCommand(program);
  registerProgressionCommands(program, { loadCatalogue: () => withCatalogue(readConfig({}), (source) => source.current()) });
  registerOtjCommands(program, { loadCatalogue: () => withCatalogue(readConfig({}), (source) => source.current()) });
  registerPartnershipCommands(program, { loadCatalogue: () => withCatalogue(readConfig({}), (source) => source.current()) });
  return program;
};

const main = async () => {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith('commander.')) {
      process.exitCode = code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : 64;
      return;
    }
    process.exitCode = reportError(error);
  }
};

await main();
