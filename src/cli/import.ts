import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { type Command, Option } from 'commander';
import { readConfig } from '../contracts/config.ts';
import { AppError } from '../contracts/errors.ts';
import type { Actor } from '../domain/policy/actor.ts';
import { fieldLabel, valueText } from '../domain/staff-import/change-text.ts';
import type { RowError } from '../domain/staff-import/validate.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import { loadKeys } from '../usecases/secrets.ts';
import { applyStaffImport, type StaffImportResult } from '../usecases/staff-import/apply.ts';
import { findSchool, previewStaffImport, type StaffImportDeps, type StaffImportPreview } from '../usecases/staff-import/preview.ts';
import { rememberRoleValues } from '../usecases/staff-import/role-values.ts';
import { withDatabase } from './db.ts';
import { exitCodeOf } from './errors.ts';

type Format = 'json' | 'table';
type Flags = {
  school: string;
  dryRun?: boolean;
  markMissingLeft?: boolean;
  map: string[];
  format?: Format;
  dataDir?: string;
  databaseUrl?: string;
};

/**
 * The CLI is trusted local administration: whoever can run it can already open the database. It acts
 * as an operator holding trust_admin on the school's trust only, so the one policy (`can`) still
 * decides, refusals are audited like any other, and audit events name the operating-system user.
 */
export const cliOperator = (trustId: string): Actor => ({
  kind: 'user',
  userId: `cli:${userInfo().username}`,
  personId: null,
  assignments: [{ role: 'trust_admin', trustId, organisationId: trustId }],
  reportIds: [],
  apprenticeIds: [],
  partnershipIds: [],
});

/** `--map "LSA=TA2"`, `--map "Midday supervisor="` (no graded role). */
const parseMap = (entries: readonly string[]): Record<string, string | null> =>
  Object.fromEntries(
    entries.map((entry) => {
      const at = entry.lastIndexOf('=');
      if (at <= 0)
        throw new AppError('validation', `--map "${entry}" must look like "School word=ROLE_ID" (or "School word=" for no graded role)`);
      const role = entry.slice(at + 1).trim();
      return [entry.slice(0, at).trim(), role === '' ? null : role];
    }),
  );

const errorTable = (errors: readonly RowError[]) => {
  const table = new Table({ head: ['row', 'column', 'reason'], wordWrap: true, colWidths: [6, 24, 80] });
  for (const e of errors) table.push([e.row, e.column, e.reason]);
  return `${table.toString()}\n`;
};

const previewText = (preview: StaffImportPreview, markMissingLeft: boolean) => {
  const lines = [
    `School: ${preview.school.name}`,
    `To create: ${preview.summary.create}; to update: ${preview.summary.update}; unchanged: ${preview.summary.unchanged}`,
    ...preview.summary.updates.flatMap((u) => [
      `  update ${u.name}:`,
      ...u.changes.map((c) => `    ${fieldLabel(c.field)}: ${valueText(c.before)} → ${valueText(c.after)}`),
    ]),
  ];
  if (preview.summary.missing.length > 0) {
    lines.push(
      `Not in the file (${markMissingLeft ? 'will be marked as left' : 'left as they are; --mark-missing-left to mark them as left'}):`,
      ...preview.summary.missing.map((m) => `  ${m.name}`),
    );
  }
  return `${lines.join('\n')}\n`;
};

const resultText = (r: StaffImportResult) =>
  `Created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, marked left ${r.left}.\n`;

/** Shows a progress bar on a terminal while a large file is applied; nothing when stderr is not a TTY. */
const progressBar = () => {
  if (!process.stderr.isTTY) return { onProgress: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'Importing staff [{bar}] {value}/{total}' });
  let started = false;
  return {
    onProgress: (done: number, total: number) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
};

/** `pathways import staff --school <id|urn> <file> [--dry-run] [--mark-missing-left] [--map "LSA=TA2"]… [--format json|table]` */
export const registerImportCommands = (program: Command) => {
  const group = program.command('import').description('import data from other systems');
  group
    .command('staff')
    .description("import or update a school's staff from its MIS export (CSV in UTF-8, or XLSX)")
    .argument('<file>', 'the staff file (.csv or .xlsx)')
    .requiredOption('--school <id|urn>', 'the school, by id or URN')
    .option('--dry-run', 'check the file and show what would change, without importing anyone (--map choices are still remembered)')
    .option('--mark-missing-left', 'mark people on record who are missing from the file as left (off by default)')
    .option(
      '--map <value=ROLE>',
      'map a role word of the file to a framework role ("LSA=TA2"; "Midday supervisor=" for none)',
      (v, all: string[]) => [...all, v],
      [],
    )
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['json', 'table']))
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(async (file: string, flags: Flags) => {
      const format: Format = flags.format ?? (process.stdout.isTTY ? 'table' : 'json');
      const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
      const keys = await loadKeys(config);
      const bytes = new Uint8Array(await readFile(file));
      const write = (text: string) => process.stdout.write(text);
      await withDatabase(config, async (database) => {
        const school = await findSchool(database.kysely, flags.school);
        const deps: StaffImportDeps = {
          db: database.kysely,
          auditKey: keys.auditKey,
          catalogue: (await createCatalogueSource({ database })).current(),
          importMaxBytes: config.importMaxBytes,
          clock: () => new Date(),
        };
        const actor = cliOperator(school.trust_id);
        const roleValues = parseMap(flags.map);
        // Remembered for the school at once, as the web wizard's role step does: later runs need no --map.
        if (flags.map.length > 0) await rememberRoleValues(deps, actor, school.id, roleValues);
        const input = {
          schoolId: school.id,
          fileName: basename(file),
          bytes,
          roleValues,
          markMissingAsLeft: flags.markMissingLeft === true,
        };
        const preview = await previewStaffImport(deps, actor, input);
        if (preview.errors.length > 0) {
          if (format === 'json')
            write(`${JSON.stringify({ errors: preview.errors, unmappedRoleValues: preview.unmappedRoleValues }, null, 2)}\n`);
          else {
            write(errorTable(preview.errors));
            if (preview.unmappedRoleValues.length > 0)
              write(
                `Map these role words with --map "word=ROLE_ID" (or "word=" for no graded role): ${preview.unmappedRoleValues.join(', ')}\n`,
              );
          }
          process.stderr.write(`${preview.errors.length} problem(s) in ${input.fileName}; nothing was imported.\n`);
          process.exitCode = exitCodeOf.import_invalid;
          return;
        }
        if (flags.dryRun) {
          write(
            format === 'json'
              ? `${JSON.stringify({ dryRun: true, summary: preview.summary }, null, 2)}\n`
              : previewText(preview, input.markMissingAsLeft),
          );
          return;
        }
        const bar = progressBar();
        try {
          const result = await applyStaffImport(deps, actor, input, { onProgress: bar.onProgress });
          bar.stop();
          write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : resultText(result));
        } finally {
          bar.stop();
        }
      });
    });
};
