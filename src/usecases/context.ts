import type { Config } from '../contracts/config.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { SearchIndex } from '../framework/search.ts';
import type { Database } from '../store/database.ts';
import type { FileStore } from '../store/file-store.ts';
import type { Keys } from './secrets.ts';

/** The current framework catalogue (built-in files plus imported standards) and its search index. */
export type CatalogueSource = {
  current(): Catalogue;
  searchIndex(): SearchIndex;
  /** Rebuilds from the data files and the imported frameworks stored in the database. */
  refresh(): Promise<void>;
};

/** What the HTTP layer and the CLI hand to use-cases. Each use-case takes only the parts it needs. */
export type AppContext = {
  config: Config;
  catalogue: CatalogueSource;
  database: Database;
  clock: () => Date;
  /** Keys derived from the master secret held outside the database. */
  keys: Keys;
  /** Demo mode: demo data, demo banner, demo accounts allowed. Never in production. */
  demo: boolean;
  /** Attachment bytes, addressed by content (`<data dir>/files`). */
  files: FileStore;
};
