import { type Kysely, sql } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * Waits for a transaction-scoped advisory lock, held until the caller's transaction ends, so work
 * that must not run twice at once (creating the demo trust, a trust of the same name, an import
 * into one school, scheduling a digest) takes turns. A number is used as the lock key as is; a name
 * is hashed to one by the database (`hashtext`), the same on PGlite and PostgreSQL.
 */
export const holdTransactionLock = async (trx: Kysely<Tables>, key: number | string): Promise<void> => {
  if (!trx.isTransaction) throw new Error('holdTransactionLock needs a transaction: the lock is released when it ends');
  if (typeof key === 'number') await sql`SELECT pg_advisory_xact_lock(${key})`.execute(trx);
  else await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
};
