import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../contracts/config.ts';
import type { Database } from '../store/database.ts';
import { diskFileStore } from '../store/file-store.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import type { AppContext } from '../usecases/context.ts';
import { deriveKeys } from '../usecases/secrets.ts';

/** Fixed keys for tests: real derivation, a known master secret. */
export const testKeys = deriveKeys(new Uint8Array(32).fill(42));

/** A whole application context for tests over a real (test) database and the real framework data. */
export const buildTestContext = async (database: Database, options: { demo?: boolean; clock?: () => Date } = {}): Promise<AppContext> => ({
  config: readConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }, {}),
  catalogue: await createCatalogueSource({ database }),
  database,
  clock: options.clock ?? (() => new Date()),
  keys: testKeys,
  demo: options.demo ?? false,
  files: diskFileStore(mkdtempSync(join(tmpdir(), 'pathways-test-files-'))),
});
