import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import Table from 'cli-table3';
import { type Command, Option } from 'commander';
import { type Config, readConfig } from '../contracts/config.ts';
import type { CaseVersion } from '../framework/case/export.ts';
import { exportFrameworkAsCase, type FrameworkSummary, listFrameworks, showFramework } from '../usecases/frameworks.ts';
import { importCasePackage, importIfateStandard } from '../usecases/import-framework.ts';
import { loadKeys } from '../usecases/secrets.ts';
import { withCatalogue, withDatabase } from './db.ts';

type Format = 'json' | 'table';
type Output = { write(text: string): void };

/** Table on a terminal, JSON when piped (so scripts get JSON without asking). */
const formatOption = () =>
  new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['json', 'table']);
const formatOf = (format: string | undefined): Format =>
  format === 'json' || format === 'table' ? format : process.stdout.isTTY ? 'table' : 'json';

const configOf = (command: Command): Config => {
  const globals = command.optsWithGlobals<{ dataDir?: string; databaseUrl?: string }>();
  return readConfig({ dataDir: globals.dataDir, databaseUrl: globals.databaseUrl });
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const listTable = (rows: FrameworkSummary[]) => {
  const table = new Table({
    head: ['id', 'title', 'version', 'status', 'items', 'roles', 'quals', 'origin'],
    wordWrap: true,
    colWidths: [24, 48],
  });
  for (const r of rows) {
    table.push([
      r.id,
      r.title,
      r.version,
      r.status + (r.replacedBy ? ` → ${r.replacedBy}` : ''),
      r.counts.items,
      r.counts.roles,
      r.counts.qualifications,
      r.origin,
    ]);
  }
  return `${table.toString()}\n`;
};

const showTable = ({ summary, framework }: ReturnType<typeof showFramework>) => {
  const about = new Table({ wordWrap: true, colWidths: [16, 90] });
  about.push(
    { id: summary.id },
    { title: framework.title },
    { publisher: framework.publisher },
    { version: framework.version },
    { status: summary.status + (summary.replacedBy ? ` (replaced by ${summary.replacedBy})` : '') },
    { nations: framework.nations.join(', ') },
    { description: framework.description },
  );
  const sections = [about.toString()];
  if ((framework.roles ?? []).length > 0) {
    const roles = new Table({ head: ['role', 'title', 'level'] });
    for (const role of framework.roles ?? []) roles.push([role.id, role.title, role.level.value]);
    sections.push(roles.toString());
  }
  if ((framework.qualifications ?? []).length > 0) {
    const quals = new Table({ head: ['qualification', 'title', 'level'], wordWrap: true, colWidths: [24, 70, 8] });
    for (const q of framework.qualifications ?? []) quals.push([q.id, q.title, String(q.level)]);
    sections.push(quals.toString());
  }
  const kinds = Map.groupBy(framework.items ?? [], (i) => i.kind);
  if (kinds.size > 0) {
    const items = new Table({ head: ['kind', 'count', 'codes'], wordWrap: true, colWidths: [26, 8, 72] });
    for (const [kind, list] of kinds) {
      const codes = list.map((i) => i.code);
      items.push([
        kind,
        list.length,
        codes.length > 6 ? `${codes.slice(0, 3).join(', ')} … ${codes.slice(-2).join(', ')}` : codes.join(', '),
      ]);
    }
    sections.push(items.toString());
  }
  return `${sections.join('\n')}\n`;
};

/**
 * `pathways framework list | show | export | import`: the framework catalogue from the command line,
 * over the same use-cases as the API. Errors are thrown as AppError for the CLI's one exit-code map.
 */
export const registerFrameworkCommands = (program: Command, out: Output = process.stdout): Command => {
  const framework = program
    .command('framework')
    .description('list, show, export and import career frameworks and apprenticeship standards');

  framework
    .command('list')
    .description('list every framework (built-in and imported)')
    .addOption(formatOption())
    .action(async (options: { format?: string }, command: Command) => {
      const rows = await withCatalogue(configOf(command), (source) => listFrameworks(source.current()));
      out.write(formatOf(options.format) === 'json' ? json(rows) : listTable(rows));
    });

  framework
    .command('show')
    .description('show one framework')
    .argument('<id>', 'framework id, e.g. st1414')
    .addOption(formatOption())
    .action(async (id: string, options: { format?: string }, command: Command) => {
      const detail = await withCatalogue(configOf(command), (source) => showFramework(source.current(), id));
      out.write(formatOf(options.format) === 'json' ? json(detail) : showTable(detail));
    });

  framework
    .command('export')
    .description('export a framework in an exchange format (1EdTech CASE 1.1, or its 1.0 form)')
    .addOption(new Option('--format <format>', 'exchange format').choices(['case']).makeOptionMandatory())
    .addOption(new Option('--case-version <version>', 'CASE version to write').choices(['1.1', '1.0']).default('1.1'))
    .argument('<framework-id>', 'framework id, e.g. hlta-standards')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id: string, options: { out?: string; caseVersion: string }, command: Command) => {
      const caseVersion: CaseVersion = options.caseVersion === '1.0' ? '1.0' : '1.1';
      const pkg = await withCatalogue(configOf(command), (source) => exportFrameworkAsCase(source.current(), id, caseVersion));
      if (options.out) {
        await writeFile(options.out, json(pkg), 'utf8');
        process.stderr.write(`Wrote ${pkg.CFItems?.length ?? 0} CASE items of ${id} to ${options.out}\n`);
      } else out.write(json(pkg));
    });

  framework
    .command('import')
    .description(
      'import a framework as JSON: an apprenticeship standard (--format ifate: Skills England / IfATE API) or a 1EdTech CASE 1.0/1.1 package (--format case)',
    )
    .addOption(new Option('--format <format>', 'source format').choices(['ifate', 'case']).makeOptionMandatory())
    .argument('<file>', 'the file, e.g. ST0454.json or framework.cfpackage.json')
    .action(async (file: string, options: { format: string }, command: Command) => {
      const text = await readFile(file, 'utf8');
      const config = configOf(command);
      const { auditKey } = await loadKeys(config);
      const importer = options.format === 'case' ? importCasePackage : importIfateStandard;
      const result = await withDatabase(config, (database) =>
        importer({ database, auditKey }, { text, fileName: basename(file), actor: `cli:${userInfo().username}` }),
      );
      out.write(`${result.message}\n`);
    });

  return framework;
};
