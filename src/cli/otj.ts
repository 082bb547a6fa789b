import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../contracts/errors.ts';
import { type OffTheJobRefusalCode, offTheJobMinimum } from '../domain/apprenticeships/off-the-job-minimum.ts';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../framework/apprenticeship-rules.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import type { Framework, Provenance, Qualification } from '../framework/schema.ts';

type Output = { write(text: string): void };
export type OtjCommandOptions = {
  out?: Output;
  /** The catalogue the standard is looked up in (main.ts passes the server's: built-in files plus imported standards). */
  loadCatalogue?: () => Promise<Catalogue>;
  loadRules?: () => Promise<ApprenticeshipRules>;
};

const builtInCatalogue = async () => buildCatalogue(await readFrameworkFiles());

/** The flags of `otj minimum`, checked at the edge. */
const MinimumFlags = z.object({
  standard: z.string().min(1),
  start: z.iso.date({ error: 'a date as YYYY-MM-DD' }),
  contractedHours: z.coerce.number({ error: 'a number of hours' }).positive('more than 0 hours').max(168, 'at most 168 hours a week'),
  months: z.coerce.number({ error: 'a number of months' }).positive('more than 0 months').max(240, 'at most 240 months'),
  priorLearningHours: z.coerce.number({ error: 'a number of hours' }).min(0, 'not below 0').optional(),
  fixedMinimum: z.coerce
    .number({ error: 'a whole number of hours' })
    .int('a whole number of hours')
    .positive('more than 0 hours')
    .optional(),
  json: z.boolean().optional(),
});

const flagName = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Which flag a refusal is about, and what to do. */
const refusalDetail = {
  no_rule_held: { where: '--start', reason: 'no off-the-job rule version covers this start date' },
  fixed_minimum_unknown: { where: '--fixed-minimum', reason: 'pass --fixed-minimum N from the funding rules' },
  duration_below_minimum: { where: '--months', reason: 'plan a practical period at least as long as the rule’s minimum duration' },
} satisfies Record<OffTheJobRefusalCode, { where: string; reason: string }>;

/** An apprenticeship standard by framework id (`st1414`, `st0454-v1.1`) or by its code (`ST1414`, the newest version). */
const standardOf = (catalogue: Catalogue, id: string): { framework: Framework; standard: Qualification } => {
  const framework = catalogue.framework(id.toLowerCase()) ?? catalogue.frameworkOf(id.toUpperCase());
  const standard = framework?.qualifications?.find((q) => q.scheme === 'apprenticeship-standard');
  if (!framework)
    throw new AppError('not_found', `No apprenticeship standard ${id} in the catalogue`, [
      { where: '--standard', reason: 'name a framework id such as st1414 or an imported one (pathways framework list)' },
    ]);
  if (!standard)
    throw new AppError('validation', `${framework.title} (${framework.id}) is not an apprenticeship standard`, [
      { where: '--standard', reason: 'the off-the-job minimum applies to apprenticeship standards' },
    ]);
  return { framework, standard };
};

const sourceOf = (provenance: Provenance): string => {
  if ('seed' in provenance) return `${provenance.seed}, ${provenance.section}`;
  if ('format' in provenance) return `imported: ${provenance.reference}`;
  return provenance.source ?? provenance.reason;
};

/** `pathways otj minimum`: the off-the-job minimum of an apprenticeship by hand, from the rules kept as data. */
export const registerOtjCommands = (program: Command, options: OtjCommandOptions = {}): Command => {
  const out = options.out ?? process.stdout;
  const loadCatalogue = options.loadCatalogue ?? builtInCatalogue;
  const loadRules = options.loadRules ?? (() => readApprenticeshipRules());

  const otj = program.command('otj').description('off-the-job training of apprenticeships, from the funding rules kept as data');
  otj
    .command('minimum')
    .description('the off-the-job training minimum for an apprenticeship: the rule version its start date chooses, and why')
    .requiredOption('--standard <id>', 'the apprenticeship standard: a framework id such as st1414, or an imported one such as st0454-v1.1')
    .requiredOption('--start <date>', 'the start date, YYYY-MM-DD (chooses the rule version)')
    .requiredOption('--contracted-hours <hours>', 'contracted hours a week')
    .requiredOption('--months <months>', 'planned duration of the practical period in months, breaks in learning left out')
    .option('--prior-learning-hours <hours>', 'hours of recognised prior learning')
    .option('--fixed-minimum <hours>', "the standard's fixed minimum hours from the funding rules (overrides the data's)")
    .option('--json', 'print { "rule", "minimumHours" } as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = MinimumFlags.safeParse(raw);
      if (!parsed.success)
        throw new AppError(
          'validation',
          'The off-the-job flags are not valid',
          parsed.error.issues.map((issue) => ({ where: flagName(issue.path[0] ?? 'flags'), reason: issue.message })),
        );
      const flags = parsed.data;
      const [catalogue, rules] = await Promise.all([loadCatalogue(), loadRules()]);
      const { framework, standard } = standardOf(catalogue, flags.standard);
      const held = standard.offTheJobMinimumHours;
      const fixed =
        flags.fixedMinimum !== undefined
          ? {
              fixedMinimumHours: flags.fixedMinimum,
              fixedMinimumSource: `entered with --fixed-minimum${held ? `, instead of the ${held.value} hours the data holds` : ''}`,
            }
          : held
            ? { fixedMinimumHours: held.value, fixedMinimumSource: `held for ${framework.id}: ${sourceOf(held.provenance)}` }
            : {};
      const result = offTheJobMinimum(rules, {
        startDate: flags.start,
        contractedHoursPerWeek: flags.contractedHours,
        plannedMonths: flags.months,
        ...(flags.priorLearningHours !== undefined ? { priorLearningHours: flags.priorLearningHours } : {}),
        ...fixed,
      });
      if (!result.ok) {
        const detail = refusalDetail[result.code];
        const reason =
          result.code === 'fixed_minimum_unknown'
            ? `${framework.id} holds no fixed minimum for rule ${result.rule}: ${detail.reason}`
            : detail.reason;
        throw new AppError('validation', result.message, [{ where: detail.where, reason }]);
      }
      if (flags.json) {
        out.write(`${JSON.stringify({ rule: result.rule, minimumHours: result.minimumHours }, null, 2)}\n`);
        return;
      }
      out.write(
        [
          `Off-the-job minimum for ${standard.title} (${framework.id}): ${result.minimumHours} hours, rule ${result.rule}`,
          'Why:',
          ...result.reasons.map((r) => `  - ${r}`),
        ].join('\n') + '\n',
      );
    });
  return program;
};
