import { AppError } from '../contracts/errors.ts';
import { detailsFromZod } from '../contracts/zod-issues.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { type ImportedFramework, importedSources } from '../framework/ifate/plan.ts';
import { type FrameworkSource, frameworkDataDir, readFrameworkFiles } from '../framework/load.ts';
import { Framework } from '../framework/schema.ts';
import { buildSearchIndex, type SearchIndex } from '../framework/search.ts';
import type { Database } from '../store/database.ts';
import { importedFrameworks } from '../store/imported-frameworks.ts';
import type { CatalogueSource } from './context.ts';

const builtInByDir = new Map<string, Promise<FrameworkSource[]>>();

/** The framework data files shipped with Pathways, read and validated once per process. */
export const loadBuiltInFrameworks = (dir: string = frameworkDataDir): Promise<FrameworkSource[]> => {
  let loading = builtInByDir.get(dir);
  if (!loading) {
    loading = readFrameworkFiles(dir);
    builtInByDir.set(dir, loading);
    loading.catch(() => builtInByDir.delete(dir));
  }
  return loading;
};

/** Reads the imported frameworks stored in the database, validating each stored document again. */
export const readImportedFrameworks = async (database: Pick<Database, 'kysely'>): Promise<ImportedFramework[]> =>
  (await importedFrameworks(database.kysely).listAll()).map((row) => {
    const parsed = Framework.safeParse(row.document);
    if (!parsed.success) {
      throw new AppError(
        'framework_invalid',
        `The stored imported framework ${row.id} does not match the framework schema`,
        detailsFromZod(parsed.error, row.id),
      );
    }
    return { reference: row.reference, version: row.version, framework: parsed.data };
  });

/**
 * The catalogue every request reads: the built-in data files plus the standards imported into the
 * database, rebuilt (with its search index) on `refresh()` after an import.
 */
export const createCatalogueSource = async (
  options: { database?: Pick<Database, 'kysely'>; dataDir?: string } = {},
): Promise<CatalogueSource> => {
  const build = async () => {
    const builtIn = await loadBuiltInFrameworks(options.dataDir);
    const imported = options.database ? await readImportedFrameworks(options.database) : [];
    const catalogue = buildCatalogue([...builtIn, ...importedSources(imported)]);
    return { catalogue, index: buildSearchIndex(catalogue) };
  };
  let state: { catalogue: Catalogue; index: SearchIndex } = await build();
  return {
    current: () => state.catalogue,
    searchIndex: () => state.index,
    refresh: async () => {
      state = await build();
    },
  };
};
