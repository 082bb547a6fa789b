import type { DutyFrequency, DutyProfile } from '../contracts/duty-profile.ts';
import { AppError } from '../contracts/errors.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { CompetencyItem, Role } from '../framework/schema.ts';
import { dutyClusters } from './duty-clusters.ts';
import { isLeadIn } from './duty-lead-ins.ts';

/**
 * Fallback best-fit threshold, used only when the framework's data has no `jobEvaluation.threshold`
 * (the built-in NJC framework sets two-thirds in its YAML, with its provenance). Echoed in every result.
 */
export const ROLE_FIT_THRESHOLD = { numerator: 2, denominator: 3 } as const;

/** The framework whose role profiles job evaluation compares against. */
export const ROLE_FIT_FRAMEWORK = 'njc-role-profiles';

export const ROLE_FIT_NOTICE =
  'This result is indicative, for a job-evaluation conversation between employer and employee representatives; it is not a pay decision (the NJC profiles are not ready reckoners).';

export type Threshold = { numerator: number; denominator: number };
export type ProfileFit = {
  role: string;
  title: string;
  track: string;
  level: number;
  coverage: { regularly: number; occasionally: number; never: number; total: number; share: number };
  reachesThreshold: boolean;
};
export type DutyAboveGrade = { code: string; text: string; roles: string[] };
export type RoleFit = {
  currentRole: string;
  currentLevel: number;
  bestFit: { role: string; level: number; share: number } | null;
  gradeComparison: 'above' | 'at' | 'below';
  aboveGrade: boolean;
  dutiesAboveGrade: DutyAboveGrade[];
  profiles: ProfileFit[];
  threshold: Threshold & { share: number };
  warnings: string[];
  notice: string;
};

const rank: Record<DutyFrequency, number> = { never: 0, occasionally: 1, regularly: 2 };
const more = (a: DutyFrequency | undefined, b: DutyFrequency | undefined): DutyFrequency | undefined =>
  a === undefined ? b : b === undefined || rank[a] >= rank[b] ? a : b;
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * One thing a profile expects: a key duty, or the alternatives under a lead-in ("at least one of the
 * following:") counted together as one duty. `key` is the duty's (or the lead-in's) exactMatchOf cluster.
 */
export type Expectation = { key: string; duties: CompetencyItem[]; atLeast: number; leadIn?: CompetencyItem };

/**
 * A role profile for job evaluation: the duties a person can be asked about (key duties and the
 * alternatives under lead-ins, never a lead-in itself), their clusters, and what the profile expects.
 */
export type Profile = { role: Role; duties: CompetencyItem[]; clusters: Set<string>; expectations: Expectation[]; keys: Set<string> };

const profileCache = new WeakMap<Catalogue, Map<string, Profile[]>>();

const profileOf = (catalogue: Catalogue, role: Role): Profile => {
  const clusters = dutyClusters(catalogue);
  const expectations = new Map<string, Expectation>();
  const duties: CompetencyItem[] = [];
  for (const child of catalogue.children(role.id)) {
    if (child.kind === 'duty') {
      duties.push(child);
      const key = clusters.clusterOf(child.code);
      if (!expectations.has(key)) expectations.set(key, { key, duties: [child], atLeast: 1 });
    } else if (isLeadIn(child)) {
      const alternatives = catalogue.children(child.code).filter((i) => i.kind === 'duty');
      if (alternatives.length === 0) continue;
      duties.push(...alternatives);
      const key = clusters.clusterOf(child.code);
      if (!expectations.has(key)) expectations.set(key, { key, duties: alternatives, atLeast: child.chooseAtLeast, leadIn: child });
    }
  }
  return {
    role,
    duties,
    clusters: new Set(duties.map((d) => clusters.clusterOf(d.code))),
    expectations: [...expectations.values()],
    keys: new Set(expectations.keys()),
  };
};

/**
 * The role profiles of a framework with the duties a person is asked about: key duties, and the
 * alternatives under a lead-in in place of the lead-in (sub-duties of a duty count towards their parent).
 */
export const roleProfiles = (catalogue: Catalogue, framework = ROLE_FIT_FRAMEWORK): Profile[] => {
  const byFramework = profileCache.get(catalogue) ?? new Map<string, Profile[]>();
  profileCache.set(catalogue, byFramework);
  const cached = byFramework.get(framework);
  if (cached) return cached;
  const profiles = catalogue
    .roles()
    .filter((r) => r.framework.id === framework)
    .map(({ role }) => profileOf(catalogue, role))
    .filter((p) => p.duties.length > 0);
  byFramework.set(framework, profiles);
  return profiles;
};

/** How often an expectation is met: a duty's answer; for alternatives, the answer reached by at least `atLeast` of them. */
const expectationAnswer = (e: Expectation, answers: ReadonlyMap<string, DutyFrequency>, catalogue: Catalogue): DutyFrequency => {
  const clusters = dutyClusters(catalogue);
  const own = answers.get(e.key);
  if (!e.leadIn) return own ?? 'never';
  const ranked = e.duties.map((d) => answers.get(clusters.clusterOf(d.code)) ?? 'never').sort((a, b) => rank[b] - rank[a]);
  return more(own, ranked[e.atLeast - 1] ?? 'never') ?? 'never';
};

/** The answer for each duty cluster: the most frequent answer given for any of its codes (or a sub-duty's). */
const clusterAnswers = (profile: DutyProfile, catalogue: Catalogue, warnings: string[]): Map<string, DutyFrequency> => {
  const clusters = dutyClusters(catalogue);
  const direct = new Map<string, Map<string, DutyFrequency>>();
  const answers = new Map<string, DutyFrequency>();
  for (const [code, frequency] of Object.entries(profile.duties)) {
    const cluster = clusters.clusterOf(code);
    direct.set(cluster, (direct.get(cluster) ?? new Map()).set(code, frequency));
    const parent = catalogue.item(code)?.parent;
    const owners = parent && catalogue.item(parent)?.kind === 'duty' ? [cluster, clusters.clusterOf(parent)] : [cluster];
    for (const owner of owners) answers.set(owner, more(answers.get(owner), frequency) ?? frequency);
  }
  for (const [cluster, codes] of direct) {
    const distinct = new Set(codes.values());
    if (distinct.size > 1) {
      const said = [...codes].map(([code, f]) => `${code}: ${f}`).join(', ');
      warnings.push(
        `${[...codes.keys()].join(' and ')} are the same duty but were answered differently (${said}); counted as ${answers.get(cluster)}`,
      );
    }
  }
  return answers;
};

/**
 * Warnings for answers given to a lead-in itself (duty profiles saved before lead-ins were told
 * apart): the answer still counts for "at least one of" its alternatives, never as a duty of its own.
 */
const leadInAnswers = (profile: DutyProfile, catalogue: Catalogue): string[] =>
  Object.keys(profile.duties).flatMap((code) => {
    const item = catalogue.item(code);
    if (!isLeadIn(item)) return [];
    const alternatives = catalogue.children(code).map((i) => i.code);
    return [
      `${code} is not a duty but introduces alternatives ("${item.text}"); its answer was counted for at least ${item.chooseAtLeast} of ${alternatives.join(', ')}: answer those instead`,
    ];
  });

/** Role fit (job evaluation): coverage of every profile, the best fit, and how it compares with the graded role. */
export const roleFit = (
  profile: DutyProfile,
  catalogue: Catalogue,
  options: { threshold?: Threshold; framework?: string } = {},
): RoleFit => {
  const threshold =
    options.threshold ?? catalogue.framework(options.framework ?? ROLE_FIT_FRAMEWORK)?.jobEvaluation?.threshold ?? ROLE_FIT_THRESHOLD;
  const current = catalogue.role(profile.currentRole);
  if (!current)
    throw new AppError('not_found', `No role has the id ${profile.currentRole}`, [
      { where: '$.currentRole', reason: `unknown role ${profile.currentRole}` },
    ]);
  const warnings: string[] = leadInAnswers(profile, catalogue);
  const answers = clusterAnswers(profile, catalogue, warnings);
  const profiles = roleProfiles(catalogue, options.framework);
  const fits = profiles.map((p): ProfileFit => {
    const counts = { regularly: 0, occasionally: 0, never: 0 };
    for (const e of p.expectations) counts[expectationAnswer(e, answers, catalogue)]++;
    const total = p.expectations.length;
    return {
      role: p.role.id,
      title: p.role.title,
      track: p.role.track,
      level: p.role.level.value,
      coverage: { ...counts, total, share: round(counts.regularly / total) },
      reachesThreshold: counts.regularly * threshold.denominator >= total * threshold.numerator,
    };
  });
  const specialisation = (p: Profile) => [...p.keys].filter((k) => profiles.every((o) => o === p || !o.keys.has(k))).length;
  const special = new Map(profiles.map((p) => [p.role.id, specialisation(p)]));
  const best = fits
    .map((fit) => ({ fit, special: special.get(fit.role) ?? 0 }))
    .filter(({ fit }) => fit.reachesThreshold)
    .sort(
      (a, b) =>
        b.fit.level - a.fit.level ||
        b.fit.coverage.share - a.fit.coverage.share ||
        b.special - a.special ||
        a.fit.role.localeCompare(b.fit.role),
    )[0]?.fit;

  const currentLevel = current.level.value;
  const atOrBelow = new Set(profiles.filter((p) => p.role.level.value <= currentLevel).flatMap((p) => [...p.clusters]));
  const dutiesAboveGrade = aboveGradeDuties(profiles, answers, atOrBelow, currentLevel, profile, catalogue);
  const higher = best !== undefined && best.level > currentLevel;
  if (higher && dutiesAboveGrade.length === 0)
    warnings.push(
      `best fit ${best.role} is above ${current.id}, but every duty performed regularly also belongs to a profile at or below ${current.id}`,
    );
  const gradeComparison =
    best === undefined || best.level < currentLevel ? 'below' : higher && dutiesAboveGrade.length > 0 ? 'above' : 'at';
  return {
    currentRole: current.id,
    currentLevel,
    bestFit: best ? { role: best.role, level: best.level, share: best.coverage.share } : null,
    gradeComparison,
    aboveGrade: gradeComparison === 'above',
    dutiesAboveGrade,
    profiles: fits,
    threshold: { ...threshold, share: round(threshold.numerator / threshold.denominator) },
    warnings,
    notice: ROLE_FIT_NOTICE,
  };
};

/** Duties performed regularly that belong to no profile at or below the current level. */
const aboveGradeDuties = (
  profiles: readonly Profile[],
  answers: ReadonlyMap<string, DutyFrequency>,
  atOrBelow: ReadonlySet<string>,
  currentLevel: number,
  profile: DutyProfile,
  catalogue: Catalogue,
): DutyAboveGrade[] => {
  const clusters = dutyClusters(catalogue);
  const result = new Map<string, DutyAboveGrade>();
  for (const p of profiles) {
    if (p.role.level.value <= currentLevel) continue;
    for (const duty of p.duties) {
      const cluster = clusters.clusterOf(duty.code);
      if (atOrBelow.has(cluster) || answers.get(cluster) !== 'regularly') continue;
      const existing = result.get(cluster);
      if (existing) existing.roles.push(p.role.id);
      else {
        const answered = clusters.members(cluster).find((code) => code in profile.duties) ?? duty.code;
        result.set(cluster, { code: answered, text: catalogue.item(answered)?.text ?? duty.text, roles: [p.role.id] });
      }
    }
  }
  return [...result.values()];
};
