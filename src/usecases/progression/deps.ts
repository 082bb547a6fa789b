import type { Kysely } from 'kysely';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Tables } from '../../store/tables.ts';
import type { AppContext } from '../context.ts';

/** What the progression use-cases need: the database, the audit key, the clock and the current catalogue. */
export type ProgressionDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  catalogue: Catalogue;
  requestId?: string | null;
  newId?: () => string;
};

/** The progression deps of one request. */
export const progressionDeps = (context: AppContext, requestId: string | null = null): ProgressionDeps => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  clock: context.clock,
  catalogue: context.catalogue.current(),
  requestId,
});
