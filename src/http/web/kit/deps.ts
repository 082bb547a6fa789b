import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../../contracts/config.ts';
import type { Catalogue } from '../../../framework/catalogue.ts';
import type { FileStore } from '../../../store/file-store.ts';
import type { Tables } from '../../../store/tables.ts';
import type { AppContext } from '../../../usecases/context.ts';
import type { Keys } from '../../../usecases/secrets.ts';

/**
 * Everything a page's use-case may need, built once per request by the kit's hook. It is a superset of
 * each use-case's own `*Deps` type (ProgressionDeps, PortfolioDeps, AccountMailDeps, SsoDeps, …), so a
 * handler passes `request.deps` as it is and never assembles deps by hand.
 */
export type PageDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  keys: Keys;
  clock: () => Date;
  /** The catalogue current when the request arrived (an import mid-request does not change it). */
  catalogue: Catalogue;
  files: FileStore;
  config: Config;
  demo: boolean;
  production: boolean;
  importMaxBytes: number;
  requestId: string;
  /** Where a demo instance prints the mail it sends (never used in production). */
  log: (line: string) => void;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's use-case dependencies (src/http/web/kit/deps.ts). */
    deps: PageDeps;
  }
}

/** Gives every page request `request.deps`, built lazily from the application context. */
export const setUpPageDeps = (app: FastifyInstance, context: AppContext) => {
  const built = new WeakMap<object, PageDeps>();
  app.decorateRequest('deps', {
    getter(this) {
      const cached = built.get(this);
      if (cached) return cached;
      const deps: PageDeps = {
        db: context.database.kysely,
        auditKey: context.keys.auditKey,
        keys: context.keys,
        clock: context.clock,
        catalogue: context.catalogue.current(),
        files: context.files,
        config: context.config,
        demo: context.demo,
        production: context.config.production,
        importMaxBytes: context.config.importMaxBytes,
        requestId: this.id,
        log: (line) => this.log.info({ mail: line }, 'demo mail (demo instances only)'),
      };
      built.set(this, deps);
      return deps;
    },
  });
};
