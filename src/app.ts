import { join } from 'node:path';
/**
 * The composition root: opens the database, migrates it, builds the framework catalogue, creates
 * demo data in demo mode, and serves HTTP. Everything else receives what it needs from here.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Config, requirePublicUrlInProduction } from './contracts/config.ts';
import { AppError } from './contracts/errors.ts';
import { type DemoLogin, ensureDemoData } from './demo/demo.ts';
import { mfaRequiredRoles } from './domain/accounts/mfa-roles.ts';
import { buildServer } from './http/server.ts';
import { accounts } from './store/accounts.ts';
import { type Database, openDatabase } from './store/database.ts';
import { diskFileStore } from './store/file-store.ts';
import { importedFrameworks } from './store/imported-frameworks.ts';
import { migrate } from './store/migrate.ts';
import type { Tables } from './store/tables.ts';
import type { PasswordCost } from './usecases/auth/passwords.ts';
import { createCatalogueSource } from './usecases/catalogue-source.ts';
import type { AppContext, CatalogueSource } from './usecases/context.ts';
import { startJobWorker } from './usecases/jobs/start.ts';
import { loadKeys } from './usecases/secrets.ts';

/** Polls a cheap fingerprint of `imported_frameworks` so a CLI import shows up while the server runs; never blocks requests. */
const watchImportedFrameworks = (db: Kysely<Tables>, catalogue: CatalogueSource, intervalMs: number, onError: (error: unknown) => void) => {
  const repository = importedFrameworks(db);
  let last: string | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const fingerprint = await repository.fingerprint();
      if (last !== undefined && fingerprint !== last) await catalogue.refresh();
      last = fingerprint;
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

export type StartOptions = {
  /** Where start-up lines (demo banner, logins, address) go; stdout by default. */
  print?: (line: string) => void;
  catalogueRefreshMs?: number;
  passwordCost?: PasswordCost;
  clock?: () => Date;
};

export type RunningApp = {
  context: AppContext;
  server: FastifyInstance;
  url: string;
  port: number;
  demoLogins: DemoLogin[];
  close(): Promise<void>;
};

const listenError = (error: unknown, config: Config): unknown => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new AppError('port_in_use', `Port ${config.port} is already in use on ${config.host}, so Pathways cannot listen there`, [
      {
        where: 'port',
        reason: `stop whatever uses port ${config.port}, or choose another port: pathways serve --port 3001 (or PORT=3001 npm start)`,
      },
    ]);
  }
  if (code === 'EACCES') {
    return new AppError('port_in_use', `Port ${config.port} on ${config.host} needs privileges Pathways does not have`, [
      { where: 'port', reason: 'choose a port above 1023 with --port or PORT' },
    ]);
  }
  return error;
};

/** Production never runs beside demo accounts: they have a published password. */
const refuseDemoAccounts = async (database: Database) => {
  const demoAccounts = await accounts(database.kysely).countDemo();
  if (demoAccounts === 0) return;
  throw new AppError('config_invalid', `Production mode refuses to start: the database holds ${demoAccounts} demo account(s)`, [
    {
      where: database.location,
      reason:
        'demo data is not for real use: start with a fresh database (another --data-dir or DATABASE_URL), or run without --production',
    },
  ]);
};

/** Starts Pathways: database, migrations, catalogue, demo data (demo mode only), HTTP. */
export const startApp = async (config: Config, options: StartOptions = {}): Promise<RunningApp> => {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const demo = !config.production;
  requirePublicUrlInProduction(config);
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, mode: 'server' });
  let stopWatching = () => {};
  let stopJobs: () => Promise<void> = async () => {};
  let server: FastifyInstance | undefined;
  try {
    await migrate(database.kysely);
    if (!demo) await refuseDemoAccounts(database);
    const keys = await loadKeys(config);
    const catalogue = await createCatalogueSource({ database });
    const files = diskFileStore(join(config.dataDir, 'files'));
    const { logins } = demo
      ? await ensureDemoData({
          db: database.kysely,
          clock,
          auditKey: keys.auditKey,
          portfolio: { catalogue: catalogue.current(), files },
          ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
        })
      : { logins: [] };
    const context: AppContext = { config, catalogue, database, clock, keys, demo, files };
    server = await buildServer(context, { logLevel: config.logLevel });
    try {
      await server.listen({ port: config.port, host: config.host });
    } catch (error) {
      throw listenError(error, config);
    }
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    // Links in emails point to the configured public address; a demo without one uses where it listens.
    if (!config.publicUrl) context.config = { ...config, publicUrl: listeningAddress(config.host, port) };
    stopWatching = watchImportedFrameworks(database.kysely, catalogue, options.catalogueRefreshMs ?? 3000, (error) =>
      server?.log.warn({ err: error }, 'could not refresh the framework catalogue from imported frameworks'),
    );
    stopJobs = startJobWorker(context, (error) => server?.log.warn({ err: error }, 'a background job failed'));
    if (demo) printDemoBanner(print, logins);
    print(`Pathways is listening on ${url} (database: ${database.kind}, ${database.location})`);
    const running = server;
    let closing: Promise<void> | undefined;
    return {
      context,
      server: running,
      url,
      port,
      demoLogins: logins,
      close: () => {
        closing ??= (async () => {
          stopWatching();
          await stopJobs();
          await running.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    stopWatching();
    await stopJobs();
    await server?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
};

/** The address a demo instance is reached at: the interface it listens on, localhost for all interfaces. */
const listeningAddress = (host: string, port: number) => {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
};

const printDemoBanner = (print: (line: string) => void, logins: readonly DemoLogin[]) => {
  print('');
  print('*** DEMO INSTANCE — not for real data. Start with --production (or NODE_ENV=production) for real use. ***');
  if (logins.length > 0) {
    print('Demo logins (role, email, password):');
    for (const login of logins) {
      const role = login.headteacher ? `${login.role} (headteacher)` : login.role;
      print(`  ${role.padEnd(26)} ${login.email.padEnd(42)} ${login.password}  (${login.name}, ${login.organisation})`);
    }
    print('Demo accounts sign in with the password alone: they skip the second factor (MFA).');
    print(
      `Production accounts do not: ${mfaRequiredRoles.map((r) => r.replace('_', ' ')).join(', ')} accounts must set up an authenticator app at first sign-in.`,
    );
  }
  print('');
};
