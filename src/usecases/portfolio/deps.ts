import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { FileStore } from '../../store/file-store.ts';
import type { Tables } from '../../store/tables.ts';
import type { AppContext } from '../context.ts';

/** What the portfolio use-cases need: the database, audit key, clock, catalogue, file store and mail settings. */
export type PortfolioDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  catalogue: Catalogue;
  files: FileStore;
  config: Config;
  demo: boolean;
  requestId?: string | null;
  newId?: () => string;
};

/** The portfolio deps of one request (or of a CLI command, with no request id). */
export const portfolioDeps = (context: AppContext, requestId: string | null = null): PortfolioDeps => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  clock: context.clock,
  catalogue: context.catalogue.current(),
  files: context.files,
  config: context.config,
  demo: context.demo,
  requestId,
});

/** A fresh id (tests may pass a deterministic generator). */
export const newIdOf = (deps: Pick<PortfolioDeps, 'newId'>): string => (deps.newId ?? (() => crypto.randomUUID()))();
