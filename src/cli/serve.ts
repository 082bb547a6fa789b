import type { Command } from 'commander';
import { startApp } from '../app.ts';
import { readConfig } from '../contracts/config.ts';
import { onShutdown } from './shutdown.ts';

/** `pathways serve`: the web application and API. */
export const registerServeCommand = (program: Command) => {
  program
    .command('serve')
    .description('serve the web application and API (demo mode unless --production)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (env HOST, default localhost)')
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .option('--production', 'production mode: no demo data, refuse demo accounts (or NODE_ENV=production)')
    .option(
      '--public-url <url>',
      'address people reach this instance at, for links in emails (env PATHWAYS_PUBLIC_URL; required in production)',
    )
    .action(
      async (flags: { port?: string; host?: string; dataDir?: string; databaseUrl?: string; production?: boolean; publicUrl?: string }) => {
        const config = readConfig(flags);
        const app = await startApp(config);
        onShutdown(() => app.close());
      },
    );
};
