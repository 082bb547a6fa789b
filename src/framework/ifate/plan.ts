import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { buildCatalogue, type Catalogue } from '../catalogue.ts';
import type { FrameworkSource } from '../load.ts';
import { Framework } from '../schema.ts';
import { compareVersions, convertIfateStandard } from './convert.ts';
import type { IfateStandard } from './ifate-schema.ts';

/** An imported framework as it is stored: the document and the standard version it came from. */
export type ImportedFramework = { reference: string; version: string; framework: Framework };

/** The reference number of an imported framework id (`st0454-v1.1` → `ST0454`). */
const referenceOf = (imported: ImportedFramework) => imported.reference.toUpperCase();

/** Orders imported frameworks so each version comes before the version that replaces it (the catalogue needs that order). */
export const orderImported = <T extends ImportedFramework>(imported: readonly T[]): T[] =>
  imported.toSorted((a, b) => referenceOf(a).localeCompare(referenceOf(b)) || compareVersions(a.version, b.version));

/** The catalogue sources of the imported frameworks, in replacement order, named by where they came from. */
export const importedSources = (imported: readonly ImportedFramework[]): FrameworkSource[] =>
  orderImported(imported).map(({ framework }) => ({ file: `imported framework ${framework.id}`, framework }));

/** Links the versions of one standard oldest to newest with `replacedBy`; returns the documents whose link changed. */
const chainVersions = (versions: readonly ImportedFramework[]): ImportedFramework[] => {
  const ordered = orderImported(versions);
  return ordered.flatMap((current, i) => {
    const next = ordered[i + 1];
    const { replacedBy: _previous, ...rest } = current.framework;
    const framework: Framework = next
      ? {
          ...rest,
          status: rest.status === 'closed' ? 'closed' : 'superseded',
          replacedBy: {
            framework: next.framework.id,
            title: next.framework.title,
            note: `Version ${next.version} of the standard replaces version ${current.version}.`,
            provenance: { origin: 'import', format: 'ifate', reference: `${next.reference} version ${next.version}` },
          },
        }
      : current.framework;
    return JSON.stringify(framework) === JSON.stringify(current.framework) ? [] : [{ ...current, framework }];
  });
};

export type IfateImportPlan = {
  /** The new framework to store. */
  added: ImportedFramework;
  /** Stored documents of other versions of the same standard whose `replacedBy` link changes. */
  updated: ImportedFramework[];
  /** The catalogue with the import applied, proving that every reference resolves and no code clashes. */
  catalogue: Catalogue;
};

/**
 * Works out what importing one standard changes, without changing anything: converts it, validates
 * the framework against the schema, links it into the chain of versions already imported, and builds
 * the whole catalogue with it. Any problem is an `import_invalid` error naming where and why.
 */
export const planIfateImport = (
  standard: IfateStandard,
  fileName: string,
  builtIn: readonly FrameworkSource[],
  imported: readonly ImportedFramework[],
): IfateImportPlan => {
  const converted = convertIfateStandard(standard);
  const parsed = Framework.safeParse(converted);
  if (!parsed.success) {
    throw new AppError(
      'import_invalid',
      `${fileName}: the converted framework is not valid. Nothing was imported.`,
      detailsFromZod(parsed.error, converted.id),
    );
  }
  const reference = standard.referenceNumber.toUpperCase();
  const added: ImportedFramework = { reference, version: standard.version, framework: parsed.data };
  const siblings = imported.filter((i) => i.reference.toUpperCase() === reference);
  const changed = chainVersions([...siblings, added]);
  const addedFinal = changed.find((c) => c.framework.id === added.framework.id) ?? added;
  const updated = changed.filter((c) => c.framework.id !== added.framework.id);
  const replace = new Map([...updated, addedFinal].map((c) => [c.framework.id, c]));
  const others = imported.filter((i) => !replace.has(i.framework.id));
  try {
    const catalogue = buildCatalogue([...builtIn, ...importedSources([...others, ...replace.values()])]);
    return { added: addedFinal, updated, catalogue };
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError('import_invalid', `${fileName}: the standard does not fit the catalogue. Nothing was imported.`, error.details);
    }
    throw error;
  }
};
