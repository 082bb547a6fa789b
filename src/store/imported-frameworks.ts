import type { Kysely } from 'kysely';
import type { ImportedFrameworkRow, Tables } from './tables.ts';

/** An imported framework as stored: the framework document is parsed by the caller with the framework schema. */
export type StoredFramework = {
  id: string;
  reference: string;
  version: string;
  larsCode: string | null;
  document: unknown;
  sourceSha256: string;
  importedAt: Date;
};

export type NewStoredFramework = Omit<StoredFramework, 'importedAt'>;

const toStored = (row: ImportedFrameworkRow): StoredFramework => ({
  id: row.id,
  reference: row.reference,
  version: row.version,
  larsCode: row.lars_code,
  document: row.document,
  sourceSha256: row.source_sha256,
  importedAt: row.imported_at,
});

/** Frameworks imported from the field's own formats (IfATE standards), kept as validated JSON documents. */
export const importedFrameworks = (db: Kysely<Tables>) => ({
  /** Every imported framework, oldest import first. */
  listAll: async (): Promise<StoredFramework[]> =>
    (await db.selectFrom('imported_frameworks').selectAll().orderBy('imported_at').orderBy('id').execute()).map(toStored),

  /** A cheap fingerprint of the table (count and latest import), to know when the catalogue must be rebuilt. */
  fingerprint: async (): Promise<string> => {
    const row = await db
      .selectFrom('imported_frameworks')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('imported_at').as('latest')])
      .executeTakeFirstOrThrow();
    return `${row.count}:${row.latest ? new Date(row.latest).toISOString() : ''}`;
  },

  findByReference: async (reference: string, version: string): Promise<StoredFramework | undefined> => {
    const row = await db
      .selectFrom('imported_frameworks')
      .selectAll()
      .where('reference', '=', reference)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toStored(row) : undefined;
  },

  findById: async (id: string): Promise<StoredFramework | undefined> => {
    const row = await db.selectFrom('imported_frameworks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStored(row) : undefined;
  },

  insert: async (framework: NewStoredFramework): Promise<void> => {
    await db
      .insertInto('imported_frameworks')
      .values({
        id: framework.id,
        reference: framework.reference,
        version: framework.version,
        lars_code: framework.larsCode,
        document: JSON.stringify(framework.document),
        source_sha256: framework.sourceSha256,
      })
      .execute();
  },

  /** Replaces the stored document of an existing framework (e.g. to set `replacedBy` when a newer version arrives). */
  updateDocument: async (id: string, document: unknown): Promise<void> => {
    await db
      .updateTable('imported_frameworks')
      .set({ document: JSON.stringify(document) })
      .where('id', '=', id)
      .execute();
  },
});
export type ImportedFrameworks = ReturnType<typeof importedFrameworks>;
