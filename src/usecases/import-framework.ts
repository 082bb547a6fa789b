import { createHash } from 'node:crypto';
import { limits } from '../contracts/config.ts';
import { AppError } from '../contracts/errors.ts';
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

/**
 * Imports one apprenticeship standard from a Skills England API JSON file. Validates everything first
 * (JSON, shape, id references, the converted framework, and the catalogue with it), then in one
 * transaction stores it, links it with `replacedBy` to the other versions of the same standard and
 * records an audit event. The same version again is not duplicated; a different file for an
 * already imported version is refused.
 */
export const importIfateStandard = async (deps: ImportIfateDeps, input: ImportIfateInput): Promise<ImportIfateResult> => {
  if (Buffer.byteLength(input.text, 'utf8') > limits.frameworkImportBytes) {
    throw new AppError('import_invalid', `${input.fileName} is larger than ${limits.frameworkImportBytes} bytes. Nothing was imported.`);
  }
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
