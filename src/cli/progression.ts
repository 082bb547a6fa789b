import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../contracts/errors.ts';
import { GoalOptions } from '../contracts/person-state.ts';
import { type Gap, gap } from '../domain/gap.ts';
import type { EvaluationNode } from '../domain/requirements/index.ts';
import { resolveDutyProfile, resolvePersonState } from '../domain/resolve-input.ts';
import { type RoleFit, roleFit } from '../domain/role-fit.ts';
import { type RoutePlan, route } from '../domain/route.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';

type Output = { write(text: string): void };
export type ProgressionCommandOptions = { out?: Output; loadCatalogue?: () => Promise<Catalogue> };

const builtInCatalogue = async () => buildCatalogue(await readFrameworkFiles());

const readJson = async (file: string): Promise<unknown> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('validation', `Cannot read ${file}: ${error.code ?? error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `${file} is not valid JSON`, [
      { where: file, reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
};

/** The goal options of a command line, checked like the API's (`--training-phase` must be primary or secondary). */
const goalOptions = (opts: { option?: string; trainingPhase?: string }): GoalOptions => {
  const parsed = GoalOptions.safeParse({ option: opts.option, trainingPhase: opts.trainingPhase });
  if (!parsed.success)
    throw new AppError('validation', 'The goal options are not valid', [
      { where: '--training-phase', reason: 'choose primary or secondary' },
    ]);
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const mark = { met: '[x]', partial: '[~]', 'not-met': '[ ]' } satisfies Record<EvaluationNode['status'], string>;

const treeText = (node: EvaluationNode, depth = 0): string[] => {
  const advice = node.strength === 'indicative' && node.status !== 'met' ? ' (advice, not a barrier)' : '';
  const line = `${'  '.repeat(depth)}${mark[node.status]} ${node.label}${advice}`;
  const detail =
    node.status === 'met'
      ? [
          ...node.evidence.map((e) => `${'  '.repeat(depth + 2)}✓ ${e}`),
          ...(node.subjectTo ?? []).map((c) => `${'  '.repeat(depth + 2)}! met, subject to ${c}`),
        ]
      : node.action
        ? [`${'  '.repeat(depth + 2)}→ ${node.action}`]
        : [];
  const children =
    node.type === 'allOf' || node.type === 'anyOf' || node.type === 'atLeast' || (node.type === 'when' && node.applicable)
      ? node.children
      : [];
  return [line, ...detail, ...children.flatMap((c) => treeText(c, depth + 1))];
};

const gapText = (g: Gap) =>
  [
    `Gap to ${g.target.title} (${g.target.id})${g.option ? `, option ${g.option}` : ''}${g.trainingPhase ? `, training for the ${g.trainingPhase} phase` : ''}: ${g.ready ? 'every required rule is met' : 'not yet'}`,
    ...g.choices.map((c) => `  ? ${c.text}`),
    ...g.subjectTo.map((c) => `  ! met, subject to ${c}`),
    `  met ${g.counts.met}, partly met ${g.counts.partial}, missing ${g.counts.missing} (blocking ${g.counts.blocking}, advice ${g.counts.advice})`,
    ...g.coverage.map((c) => `  ${c.title}: ${c.met}/${c.total} met, ${c.developing} developing`),
    ...g.rules.flatMap((r) => [`${r.stage}: ${r.id}`, ...treeText(r.node, 1)]),
  ].join('\n') + '\n';

const routeText = (plan: RoutePlan) => {
  if (plan.reached) return `You already hold ${plan.goal.title}.\n`;
  if (plan.routes.length === 0)
    return [`No route to ${plan.goal.title}:`, ...plan.unreachable.map((b) => `  - ${b.requirement}: ${b.reason}`)].join('\n') + '\n';
  return (
    plan.routes
      .flatMap((r, i) => [
        `Route ${i + 1} to ${plan.goal.title}: ${r.headline}`,
        `  ${r.durationNote}`,
        ...r.steps.map(
          (s, n) =>
            `  ${n + 1}. [${s.status === 'done' ? 'done' : 'to do'}] ${s.title} — ${s.duration}\n       why: ${s.why}${s.gives?.length ? `\n       gives: ${s.gives.join('; ')}` : ''}`,
        ),
      ])
      .join('\n') + '\n'
  );
};

const fitText = (fit: RoleFit) =>
  [
    `Graded ${fit.currentRole} (level ${fit.currentLevel}); best fit: ${fit.bestFit ? `${fit.bestFit.role} (level ${fit.bestFit.level})` : 'none reaches the threshold'}; working ${fit.gradeComparison} grade`,
    `Threshold: ${fit.threshold.numerator}/${fit.threshold.denominator} of a profile's key duties performed regularly`,
    ...fit.profiles.map(
      (p) =>
        `  ${p.role.padEnd(6)} level ${p.level}: ${p.coverage.regularly}/${p.coverage.total} regularly${p.reachesThreshold ? ' ✓' : ''}`,
    ),
    ...(fit.dutiesAboveGrade.length > 0
      ? ['Duties above grade:', ...fit.dutiesAboveGrade.map((d) => `  - ${d.code} (${d.roles.join(', ')}): ${d.text}`)]
      : []),
    ...fit.warnings.map((w) => `Warning: ${w}`),
    fit.notice,
  ].join('\n') + '\n';

const state = async (file: string, catalogue: Catalogue) => {
  const resolved = resolvePersonState(await readJson(file), catalogue);
  if (!resolved.ok) throw new AppError('validation', `${file} is not a valid person state`, resolved.errors);
  return resolved.value;
};

/** `pathways gap | route | rolefit`: the progression engine on a person state or duty profile in a JSON file. */
export const registerProgressionCommands = (program: Command, options: ProgressionCommandOptions = {}): Command => {
  const out = options.out ?? process.stdout;
  const load = options.loadCatalogue ?? builtInCatalogue;

  program
    .command('gap')
    .description('what a person still needs for a role, status or qualification')
    .requiredOption('--state <file>', 'person state JSON')
    .requiredOption('--target <id>', 'role, status or qualification id, e.g. TA5')
    .option('--option <id>', 'apprenticeship option, e.g. SEND')
    .option('--training-phase <phase>', 'phase of the teacher-training course: primary or secondary (QTS entry asks science for primary)')
    .option('--json', 'JSON output')
    .action(async (opts: { state: string; target: string; option?: string; trainingPhase?: string; json?: boolean }) => {
      const catalogue = await load();
      const result = gap(await state(opts.state, catalogue), opts.target, catalogue, goalOptions(opts));
      out.write(opts.json ? json(result) : gapText(result));
    });

  program
    .command('route')
    .description('the best routes from a person state to a goal, with months and hours')
    .requiredOption('--state <file>', 'person state JSON')
    .requiredOption('--goal <id>', 'role, status or qualification id, e.g. TEACHER_QTS')
    .option('--option <id>', 'apprenticeship option, e.g. SEND')
    .option('--training-phase <phase>', 'phase of the teacher-training course: primary or secondary (QTS entry asks science for primary)')
    .option('--json', 'JSON output')
    .action(async (opts: { state: string; goal: string; option?: string; trainingPhase?: string; json?: boolean }) => {
      const catalogue = await load();
      const result = route(await state(opts.state, catalogue), opts.goal, catalogue, goalOptions(opts));
      out.write(opts.json ? json(result) : routeText(result));
    });

  program
    .command('rolefit')
    .description('role fit (job evaluation) of a duty profile against the NJC role profiles — indicative, not a pay decision')
    .requiredOption('--duties <file>', 'duty profile JSON: { "currentRole": "TA2", "duties": { "TA4.D1": "regularly" } }')
    .option('--json', 'JSON output')
    .action(async (opts: { duties: string; json?: boolean }) => {
      const catalogue = await load();
      const resolved = resolveDutyProfile(await readJson(opts.duties), catalogue);
      if (!resolved.ok) throw new AppError('validation', `${opts.duties} is not a valid duty profile`, resolved.errors);
      const result = roleFit(resolved.value, catalogue);
      out.write(opts.json ? json(result) : fitText(result));
    });

  return program;
};
