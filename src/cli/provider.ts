import type { Command } from 'commander';
import { type Config, readConfig } from '../contracts/config.ts';
import type { Database } from '../store/database.ts';
import { type CreatedProvider, createProvider, readProviderInput } from '../usecases/organisations/providers.ts';
import { type Keys, loadKeys } from '../usecases/secrets.ts';
import { withDatabase } from './db.ts';

const describeCreated = (created: CreatedProvider): string => {
  const lines = [
    `Created the training provider "${created.name}"${created.ukprn ? ` (UKPRN ${created.ukprn})` : ''}, id ${created.providerId}.`,
    'Employers can now choose it when they enrol an apprentice.',
  ];
  if (created.assessor) {
    lines.push(
      `Invited ${created.assessor.email} as its assessor. Next: they open this link before ${created.assessor.expiresAt.toISOString()} to set a password,`,
      'then set up two-step verification when they first sign in (the link is also in the mail outbox, and is emailed when SMTP is configured):',
      `  ${created.assessor.invitationLink}`,
    );
  } else {
    lines.push(
      'It has no assessor, so nobody can sign in to it yet: give --assessor-email when you create a provider to invite its first assessor.',
    );
  }
  return `${lines.join('\n')}\n`;
};

/** Creates a training provider and prints what the operator does next (or JSON); returns the exit code. */
export const runProviderCreate = async (
  database: Database,
  keys: Keys,
  config: Pick<Config, 'smtpUrl' | 'production' | 'publicUrl'>,
  input: unknown,
  options: { json: boolean },
  write: (text: string) => void,
): Promise<number> => {
  const created = await createProvider(
    { db: database.kysely, auditKey: keys.auditKey, clock: () => new Date(), config, demo: !config.production },
    readProviderInput(input),
  );
  write(options.json ? `${JSON.stringify(created, null, 2)}\n` : describeCreated(created));
  return 0;
};

/** `pathways provider create --name <name> [--ukprn <8 digits>] [--assessor-email <email>] [--json]`: for operators. */
export const registerProviderCommands = (program: Command) => {
  const providerCommand = program.command('provider').description('training providers on this instance (for operators)');
  providerCommand
    .command('create')
    .description('create a training provider, and invite its first assessor with --assessor-email (audited on the provider’s own chain)')
    .requiredOption('--name <name>', 'the training provider’s name')
    .option('--ukprn <ukprn>', 'its UK Provider Reference Number (8 digits)')
    .option('--assessor-email <email>', 'invite this person as the provider’s first assessor (prints their invitation link)')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(
      async (flags: { name: string; ukprn?: string; assessorEmail?: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
        const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
        const keys = await loadKeys(config);
        const input = {
          name: flags.name,
          ...(flags.ukprn === undefined ? {} : { ukprn: flags.ukprn }),
          ...(flags.assessorEmail === undefined ? {} : { assessorEmail: flags.assessorEmail }),
        };
        process.exitCode = await withDatabase(config, (database) =>
          runProviderCreate(database, keys, config, input, { json: flags.json === true }, (text) => process.stdout.write(text)),
        );
      },
    );
};
