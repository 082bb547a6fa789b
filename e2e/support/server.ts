import type { FastifyInstance } from 'fastify';
import { ensureDemoData } from '../../src/demo/demo.ts';
import { buildServer } from '../../src/http/server.ts';
import { openTestDatabase } from '../../src/store/testing.ts';
import { buildTestContext } from '../../src/testing/context.ts';
import type { AppContext } from '../../src/usecases/context.ts';

/** The application context the explorer tests run against: the real framework data on a fresh embedded database, demo mode on. */
export const explorerContext = async (options: { demo?: boolean } = {}): Promise<AppContext> =>
  buildTestContext(await openTestDatabase('pglite'), { demo: options.demo ?? true, clock: () => new Date('2025-01-01T09:00:00Z') });

export type RunningServer = { app: FastifyInstance; context: AppContext; url: string; close(): Promise<void> };

export type ServerOptions = {
  demo?: boolean;
  /** Create the demo trust, schools, staff and accounts (password DEMO_PASSWORD; exempt from MFA in demo mode). */
  demoData?: boolean;
  /** Where the app keeps files of its own (staff-import uploads). */
  dataDir?: string;
  /** The server's clock, for journeys that need a later "today" than the explorer's 1 January 2025. */
  clock?: () => Date;
};

/** Builds the whole application in-process on a fresh embedded database and listens on a free port. */
export const startServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const explorer = await explorerContext(options);
  const base = options.clock ? { ...explorer, clock: options.clock } : explorer;
  const context = options.dataDir ? { ...base, config: { ...base.config, dataDir: options.dataDir } } : base;
  if (options.demoData)
    await ensureDemoData({
      db: context.database.kysely,
      clock: context.clock,
      auditKey: context.keys.auditKey,
      portfolio: { catalogue: context.catalogue.current(), files: context.files },
    });
  const app = await buildServer(context, { logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    context,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await context.database.close();
    },
  };
};
