import type { CreditRule } from '../../framework/associate-teacher-rules.ts';

/**
 * The Associate Teacher's integrated Foundation Degree: its modules (entered by the training
 * provider with their level, credits, mark and result) and the progress to the credits the degree
 * needs, by level, as the rules file says (240, at least 90 at level 5). Only passed modules earn
 * credit; the provider decides the result by its own regulations, so Pathways holds no pass mark.
 */

export type ModuleResult = 'in_progress' | 'passed' | 'failed';

export const moduleResultNames: Record<ModuleResult, string> = {
  in_progress: 'In progress',
  passed: 'Passed',
  failed: 'Not passed',
};

export type DegreeModule = {
  id: string;
  code: string;
  title: string;
  level: number;
  credits: number;
  result: ModuleResult;
  /** The percentage mark, once assessed. */
  mark: number | null;
};

/** What the provider enters for a module. */
export type ModuleInput = Omit<DegreeModule, 'id'>;

export type ModuleProblem = { where: keyof ModuleInput; reason: string };

/**
 * Whether a module can be recorded on the degree: a level the degree's modules carry, credits no
 * more than the degree holds, a mark (0–100) exactly when the module has been assessed, and a code
 * not already used by another of its modules.
 */
export const moduleProblems = (
  rule: CreditRule,
  input: ModuleInput,
  others: readonly Pick<DegreeModule, 'code' | 'credits' | 'result'>[],
): ModuleProblem[] => {
  const problems: ModuleProblem[] = [];
  if (!rule.moduleLevels.includes(input.level))
    problems.push({
      where: 'level',
      reason: `A Foundation Degree module is at level ${rule.moduleLevels.join(' or ')}, not level ${input.level}`,
    });
  if (!Number.isInteger(input.credits) || input.credits <= 0 || input.credits > rule.total)
    problems.push({ where: 'credits', reason: `Enter the module’s credits as a whole number from 1 to ${rule.total}` });
  if (input.result === 'in_progress' && input.mark !== null)
    problems.push({ where: 'mark', reason: 'A module still in progress has no mark: choose its result, or leave the mark empty' });
  if (input.result !== 'in_progress' && input.mark === null)
    problems.push({ where: 'mark', reason: `Enter the mark the module was ${input.result === 'passed' ? 'passed' : 'not passed'} with` });
  if (input.mark !== null && (!Number.isInteger(input.mark) || input.mark < 0 || input.mark > 100))
    problems.push({ where: 'mark', reason: 'Enter the mark as a whole-number percentage from 0 to 100' });
  const code = input.code.trim().toUpperCase();
  if (others.some((m) => m.code.trim().toUpperCase() === code))
    problems.push({ where: 'code', reason: `The degree already has a module ${input.code}: change that one instead` });
  return problems;
};

export type LevelProgress = { level: number; passed: number; inProgress: number; required: number | null; met: boolean };

export type CreditProgress = {
  total: { passed: number; inProgress: number; required: number; met: boolean };
  levels: LevelProgress[];
  /** Every credit the degree needs is earned: the total and each level's minimum. */
  complete: boolean;
  /** What is still needed, in words, one line per shortfall. */
  stillNeeded: string[];
  percent: number;
};

/** Progress to the degree's credits from its modules: passed credits count, modules in progress are shown apart. */
export const creditProgress = (rule: CreditRule, modules: readonly DegreeModule[]): CreditProgress => {
  const sum = (list: readonly DegreeModule[]) => list.reduce((n, m) => n + m.credits, 0);
  const passed = modules.filter((m) => m.result === 'passed');
  const inProgress = modules.filter((m) => m.result === 'in_progress');
  const levels = rule.moduleLevels.map((level): LevelProgress => {
    const required = rule.atLeast.find((a) => a.level === level)?.credits ?? null;
    const earned = sum(passed.filter((m) => m.level === level));
    return {
      level,
      passed: earned,
      inProgress: sum(inProgress.filter((m) => m.level === level)),
      required,
      met: required === null || earned >= required,
    };
  });
  const total = sum(passed);
  const stillNeeded = [
    ...(total < rule.total ? [`${rule.total - total} more credits in all (${total} of ${rule.total} earned)`] : []),
    ...levels.flatMap((l) =>
      l.required !== null && !l.met
        ? [`${l.required - l.passed} more credits at level ${l.level} (${l.passed} of at least ${l.required} earned)`]
        : [],
    ),
  ];
  return {
    total: { passed: total, inProgress: sum(inProgress), required: rule.total, met: total >= rule.total },
    levels,
    complete: stillNeeded.length === 0,
    stillNeeded,
    percent: Math.min(100, Math.floor((total / rule.total) * 100)),
  };
};
