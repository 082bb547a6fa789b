import { userInfo } from 'node:os';
import Table from 'cli-table3';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { TrainingNeedsJson } from '../contracts/api/insight-training-needs.ts';
import { readConfig } from '../contracts/config.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';
import { operatorTrainingNeeds } from '../usecases/insight/operator-training-needs.ts';
import type { AnalysedNeed, TrainingNeedsAnalysis } from '../usecases/insight/training-needs.ts';
import { loadKeys } from '../usecases/secrets.ts';
import { withDatabase } from './db.ts';

/**
 * `pathways tna --scope <trust, school or partnership id> [--target next|<role or status id>]
 * [--min-cluster N] [--format json|table]`: the training-needs analysis, as the API answers it.
 */

type Format = 'json' | 'table';
type Output = (text: string) => void;
type Database = Parameters<Parameters<typeof withDatabase>[1]>[0];

export type TnaOptions = { scope: string; target: string; minCluster?: number; format: Format };

/** How many school cohorts a need's suggestion names before "and N more". */
const NAMED_COHORTS = 3;

const people = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;

const scopeWords = { trust: 'the whole trust', school: 'school', partnership: 'partnership', people: 'chosen people' };

/** What to do about one need, in words: a cluster cohort when the rule recommends one, else the school cohorts. */
export const cohortSuggestion = (need: AnalysedNeed, analysis: Pick<TrainingNeedsAnalysis, 'sizes'>): string => {
  const { cluster, schools } = need.cohorts;
  const named = schools.slice(0, NAMED_COHORTS).map((s) => `${s.name} (${s.size})`);
  const more = schools.length > NAMED_COHORTS ? ` and ${schools.length - NAMED_COHORTS} more` : '';
  const bySchool = named.length > 0 ? `${schools.length === 1 ? 'a school cohort' : 'school cohorts'}: ${named.join(', ')}${more}` : '';
  if (cluster)
    return `One cluster cohort: ${people(cluster.size)} across ${cluster.schoolCount} schools${bySchool ? `; or ${bySchool}` : ''}`;
  if (bySchool) return bySchool.charAt(0).toUpperCase() + bySchool.slice(1);
  return `None: no school has ${analysis.sizes.cohortMinimum} or more`;
};

const table = (analysis: TrainingNeedsAnalysis): string => {
  const lines = [
    `Training needs of ${analysis.scope.name} (${scopeWords[analysis.scope.kind]}), against ${
      analysis.target.id === 'next' ? 'each person’s next level' : analysis.target.title
    }`,
    `${people(analysis.measured)} measured${
      analysis.leftOut > 0 ? `; ${people(analysis.leftOut)} left out (no graded role, or no level above theirs)` : ''
    }, in ${analysis.schools.length} ${analysis.schools.length === 1 ? 'school' : 'schools'}.`,
    `Cohorts: ${analysis.sizes.cohortMinimum} or more people at a school; a cluster cohort from ${analysis.sizes.clusterMinimum} people across schools.`,
  ];
  if (analysis.needs.length === 0) return `${[...lines, 'Nobody measured lacks anything.'].join('\n')}\n`;
  const rows = new Table({
    head: ['#', 'need', 'staff', 'cohort suggestion'],
    wordWrap: true,
    colWidths: [5, 52, 8, 44],
    style: { head: [], border: [] },
  });
  analysis.needs.forEach((need, index) => {
    rows.push([index + 1, need.label, need.lacking.toLocaleString('en-GB'), cohortSuggestion(need, analysis)]);
  });
  return `${[...lines, `${analysis.needs.length} needs, ranked by how many staff lack each:`, rows.toString()].join('\n')}\n`;
};

/** Runs the command against a database (the CLI's and the tests' entry point). */
export const runTna = async (database: Database, auditKey: Uint8Array, options: TnaOptions, write: Output): Promise<void> => {
  const analysis = await operatorTrainingNeeds(
    {
      db: database.kysely,
      auditKey,
      clock: () => new Date(),
      catalogue: (await createCatalogueSource({ database })).current(),
    },
    `cli:${userInfo().username}`,
    {
      scope: options.scope,
      target: options.target,
      ...(options.minCluster !== undefined ? { minCluster: options.minCluster } : {}),
    },
  );
  // The API's response contract, so `--format json` prints exactly what GET /api/insight/training-needs answers.
  write(options.format === 'json' ? `${JSON.stringify(TrainingNeedsJson.parse(analysis), null, 2)}\n` : table(analysis));
};

const wholeNumber = (value: string) => {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('give a whole number of people, 2 or more');
  return Number(value);
};

export const registerTnaCommand = (program: Command) => {
  program
    .command('tna')
    .description(
      'training-needs analysis: the needs most often unmet in a trust, school or partnership, by how many lack them, with cohorts',
    )
    .requiredOption('--scope <id>', 'the trust, school or partnership, by id')
    .option('--target <id>', 'each person’s next level (next), or a role or status id (e.g. TA4, HLTA_STATUS)', 'next')
    .option('--min-cluster <n>', 'people across schools for a cluster cohort (default: the rules file’s)', wholeNumber)
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['json', 'table']))
    .addOption(new Option('--json', 'print JSON (the same as --format json)').conflicts('format'))
    .option('--data-dir <dir>', 'embedded database folder (env PATHWAYS_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .action(
      async (flags: {
        scope: string;
        target: string;
        minCluster?: number;
        format?: Format;
        json?: boolean;
        dataDir?: string;
        databaseUrl?: string;
      }) => {
        const format: Format = flags.json ? 'json' : (flags.format ?? (process.stdout.isTTY ? 'table' : 'json'));
        const config = readConfig({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl });
        const keys = await loadKeys(config);
        await withDatabase(config, (database) =>
          runTna(
            database,
            keys.auditKey,
            {
              scope: flags.scope,
              target: flags.target,
              ...(flags.minCluster !== undefined ? { minCluster: flags.minCluster } : {}),
              format,
            },
            (text) => process.stdout.write(text),
          ),
        );
      },
    );
};
