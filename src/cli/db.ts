import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../contracts/config.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import type { CatalogueSource } from '../usecases/context.ts';
import { onShutdown } from './shutdown.ts';

/**
 * Runs a CLI command against the database: through the running server's socket when a server holds
 * the data folder, otherwise with the lock taken for the duration of the command. Migrates first
 * (a no-op when up to date) so commands work on a fresh data folder.
 */
export const withDatabase = async <T>(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  fn: (database: Database) => Promise<T>,
): Promise<T> => {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, mode: 'client' });
  // Ctrl-C during a command still closes the database and releases the data-folder lock.
  onShutdown(() => database.close());
  try {
    await migrate(database.kysely);
    return await fn(database);
  } finally {
    await database.close();
  }
};

/** Whether there is a database to read imported frameworks from (a fresh machine has none yet). */
const hasDatabase = (config: Config) => Boolean(config.databaseUrl) || existsSync(join(resolve(config.dataDir), 'pglite'));

/** The catalogue the server would serve: built-in files plus the standards imported into the database. */
export const withCatalogue = <T>(config: Config, fn: (source: CatalogueSource) => T | Promise<T>): Promise<T> =>
  hasDatabase(config)
    ? withDatabase(config, async (database) => fn(await createCatalogueSource({ database })))
    : createCatalogueSource().then(fn);
