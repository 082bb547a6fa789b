import { createHash } from 'node:crypto';
import { limits } from '../contracts/config.ts';
import { AppError } from '../contracts/errors.ts';
import { convertCasePackage, planCaseImport } from '../framework/case/import.ts';
import { parseIfateStandard } from '../framework/ifate/parse.ts';
import { planIfateImport } from '../framework/ifate/plan.ts';
import { audit } from '../store/audit.ts';
import type { Database } from '../store/database.ts';
import { importedFrameworks } from '../store/imported-frameworks.ts';
import { loadBuiltInFrameworks, readImportedFrameworks } from './catalogue-source.ts';
import type { CatalogueSource } from './context.ts';

export type ImportIfateInput = {
  /** The file's text, as read (JSON). */
  text: string;
  /** The file's name, for messages. */
  fileName: string;
  /** Who imports: a user id or `cli:<os user>`. */
  actor: string;
};

export type ImportIfateResult = {
  status: 'imported' | 'already-imported';
  framework: { id: string; title: string; version: string };
  /** Ids of the older versions now replaced by this one (or the newer version replacing it). */
  linked: string[];
  message: string;
};

export type ImportIfateDeps = {
  database: Pick<Database, 'kysely'>;
  auditKey: Uint8Array;
  /** Refreshed after a successful import so that every page sees the new standard at once. */
  catalogue?: Pick<CatalogueSource, 'refresh'>;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const refuseLarge = (input: ImportIfateInput) => {
  if (Buffer.byteLength(input.text, 'utf8') > limits.frameworkImportBytes) {
    throw new AppError('import_invalid', `${input.fileName} is larger than ${limits.frameworkImportBytes} bytes. Nothing was imported.`);
  }
};

/**
 * Imports one apprenticeship standard from a Skills England API JSON file. Validates everything first
 * (JSON, shape, id references, the converted framework, and the catalogue with it), then in one
 * transaction stores it, links it with `replacedBy` to the other versions of the same standard and
 * records an audit event. The same version again is not duplicated; a different file for an
 * already imported version is refused.
 */
export const importIfateStandard = async (deps: ImportIfateDeps, input: ImportIfateInput): Promise<ImportIfateResult> => {
  refuseLarge(input);
  const standard = parseIfateStandard(input.text, input.fileName);
  const reference = standard.referenceNumber.toUpperCase();
  const sourceSha256 = sha256(input.text);
  const builtIn = await loadBuiltInFrameworks();

  const result = await deps.database.kysely.transaction().execute(async (trx): Promise<ImportIfateResult> => {
    const stored = importedFrameworks(trx);
    const existing = await stored.findByReference(reference, standard.version);
    if (existing) {
      if (existing.sourceSha256 !== sourceSha256) {
        throw new AppError(
          'conflict',
          `${reference} version ${standard.version} is already imported (as ${existing.id}) from a different file. Nothing was imported.`,
          [
            {
              where: input.fileName,
              reason: `its SHA-256 ${sourceSha256} differs from the imported file's ${existing.sourceSha256}; a changed standard needs a new version number`,
            },
          ],
        );
      }
      const title = (existing.document as { title?: string } | null)?.title ?? existing.id;
      return {
        status: 'already-imported',
        framework: { id: existing.id, title, version: standard.version },
        linked: [],
        message: `${reference} version ${standard.version} is already imported as ${existing.id}; nothing changed.`,
      };
    }
    const plan = planIfateImport(standard, input.fileName, builtIn, await readImportedFrameworks({ kysely: trx }));
    const { framework } = plan.added;
    await stored.insert({
      id: framework.id,
      reference,
      version: standard.version,
      larsCode: standard.larsCode,
      document: framework,
      sourceSha256,
    });
    for (const other of plan.updated) await stored.updateDocument(other.framework.id, other.framework);
    const linked = [
      ...plan.updated.map((u) => u.framework.id),
      ...(framework.replacedBy?.framework ? [framework.replacedBy.framework] : []),
    ];
    await audit(trx, deps.auditKey).record({
      trustId: null,
      actor: input.actor,
      action: 'framework.imported',
      entity: 'framework',
      entityId: framework.id,
      data: { format: 'ifate', reference, version: standard.version, fileName: input.fileName, sourceSha256, linked },
    });
    return {
      status: 'imported',
      framework: { id: framework.id, title: framework.title, version: standard.version },
      linked,
      message: `Imported ${reference} version ${standard.version} as framework ${framework.id}${linked.length > 0 ? ` (linked by replacedBy with ${linked.join(', ')})` : ''}.`,
    };
  });
  if (result.status === 'imported') await deps.catalogue?.refresh();
  return result;
};

/**
 * Imports one 1EdTech CASE package (CASE 1.0 or 1.1, e.g. an OpenSALT export) as a framework, with
 * the same guarantees as the Skills England import: everything is validated first (JSON, shape,
 * identifiers and the isChildOf tree, the converted framework, and the catalogue with it), then it is
 * stored with an audit event in one transaction. The same package again is not duplicated; a different
 * file for an imported document version, or another version of an imported document, is refused.
 */
export const importCasePackage = async (deps: ImportIfateDeps, input: ImportIfateInput): Promise<ImportIfateResult> => {
  refuseLarge(input);
  const framework = convertCasePackage(input.text, input.fileName);
  const reference = framework.case?.identifier.toLowerCase() ?? framework.id;
  const sourceSha256 = sha256(input.text);
  const builtIn = await loadBuiltInFrameworks();
  const named = `CASE document ${reference} version ${framework.version}`;

  const result = await deps.database.kysely.transaction().execute(async (trx): Promise<ImportIfateResult> => {
    const stored = importedFrameworks(trx);
    const existing = (await stored.findByReference(reference, framework.version)) ?? (await stored.findById(framework.id));
    if (existing && existing.version === framework.version && existing.sourceSha256 === sourceSha256) {
      return {
        status: 'already-imported',
        framework: { id: existing.id, title: framework.title, version: framework.version },
        linked: [],
        message: `${named} is already imported as ${existing.id}; nothing changed.`,
      };
    }
    if (existing) {
      const reason =
        existing.version === framework.version
          ? `its SHA-256 ${sourceSha256} differs from the imported file's ${existing.sourceSha256}; a changed framework needs a new CFDocument version`
          : `version ${existing.version} of this CASE document is already imported; importing another version of the same document is not supported yet`;
      throw new AppError('conflict', `${named} clashes with the imported framework ${existing.id}. Nothing was imported.`, [
        { where: input.fileName, reason },
      ]);
    }
    planCaseImport(framework, input.fileName, builtIn, await readImportedFrameworks({ kysely: trx }));
    await stored.insert({ id: framework.id, reference, version: framework.version, larsCode: null, document: framework, sourceSha256 });
    await audit(trx, deps.auditKey).record({
      trustId: null,
      actor: input.actor,
      action: 'framework.imported',
      entity: 'framework',
      entityId: framework.id,
      data: { format: 'case', reference, version: framework.version, fileName: input.fileName, sourceSha256, linked: [] },
    });
    return {
      status: 'imported',
      framework: { id: framework.id, title: framework.title, version: framework.version },
      linked: [],
      message: `Imported ${named} ("${framework.title}", ${(framework.items ?? []).length} items) as framework ${framework.id}.`,
    };
  });
  if (result.status === 'imported') await deps.catalogue?.refresh();
  return result;
};
