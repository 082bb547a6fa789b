import type { Command } from 'commander';
import { type Config, readConfig } from '../contracts/config.ts';
import type { Database } from '../store/database.ts';
import { type CreatedTrust, createTrust, readTrustInput } from '../usecases/organisations/trusts.ts';
import { type Keys, loadKeys } from '../usecases/secrets.ts';
import { withDatabase } from './db.ts';

const describeCreated = (created: CreatedTrust): string => {
  const lines = [`Created the trust "${created.name}" (${created.nation}), id ${created.trustId}.`];
  if (created.admin) {
    lines.push(
      `Invited ${created.admin.email} as its trust admin. Next: they open this link before ${created.admin.expiresAt.toISOString()} to set a password,`,
      'then set up two-step verification when they first sign in (the link is also in the mail outbox, and is emailed when SMTP is configured):',
      `  ${created.admin.invitationLink}`,
    );
  } else {
    lines.push('It has no admin, so nobody can sign in to it yet: give --admin-email when you create a trust to invite its first admin.');
  }
  return `${lines.join('\n')}\n`;
};

/** Creates a trust and prints what the operator does next (or JSON); returns the exit code. */
export const runTrustCreate = async (
  database: Database,
  keys: Keys,
  config: Pick<Config, 'smtpUrl' | 'production' | 'publicUrl'>,
  input: unknown,
  options: { json: boolean },
  write: (text: string) => void,
): Promise<number> => {
  const created = await createTrust(
    { db: database.kysely, auditKey: keys.auditKey, clock: () => new Date(), config, demo: !config.production },
    readTrustInput(input),
  );
  write(options.json ? `${JSON.stringify(created, null, 2)}\n` : describeCreated(created));
  return 0;
};

/** `pathways trust create --name <name> [--nation <nation>] [--admin-email <email>] [--json]`: for operators. */
export const registerTrustCommands = (program: Command) => {
  const trustCommand = program.command('trust').description('trusts on this instance (for operators)');
  trustCommand
    .command('create')
    .description('create a trust, and invite its first trust admin with --admin-email (audited on the new trust’s chain)')
    .requiredOption('--name <name>', 'the trust’s name')
    .option('--nation <nation>', 'England, Wales, Scotland or Northern Ireland', 'England')
    .option('--admin-email <email>', 'invite this person as the trust’s first admin (prints their invitation link)')
    .option('--json', 'print the result as JSON')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(
      async (flags: { name: string; nation: string; adminEmail?: string; json?: boolean; dataDir?: string; databaseUrl?: string }) => {
        const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
        const keys = await loadKeys(config);
        const input = {
          name: flags.name,
          nation: flags.nation,
          ...(flags.adminEmail === undefined ? {} : { adminEmail: flags.adminEmail }),
        };
        process.exitCode = await withDatabase(config, (database) =>
          runTrustCreate(database, keys, config, input, { json: flags.json === true }, (text) => process.stdout.write(text)),
        );
      },
    );
};
