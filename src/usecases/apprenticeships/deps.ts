import type { Kysely } from 'kysely';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Tables } from '../../store/tables.ts';
import type { AppContext } from '../context.ts';

/** What the enrolment use-cases need: the database, the audit key, the clock and the catalogue. */
export type ApprenticeshipDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  catalogue: Catalogue;
  requestId?: string | null;
  newId?: () => string;
};

/** The deps of one request (or of a CLI command, with no request id). */
export const apprenticeshipDeps = (context: AppContext, requestId: string | null = null): ApprenticeshipDeps => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  clock: context.clock,
  catalogue: context.catalogue.current(),
  requestId,
});

export const newIdOf = (deps: Pick<ApprenticeshipDeps, 'newId'>): string => (deps.newId ?? (() => crypto.randomUUID()))();

/** Today's date in UTC from the deps' clock. */
export const todayOf = (deps: Pick<ApprenticeshipDeps, 'clock'>): string => deps.clock().toISOString().slice(0, 10);
