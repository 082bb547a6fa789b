/**
 * The reviewed dependency list (docs/dependencies.md) against what the lock file installs: every
 * runtime dependency must be listed at its locked version, and nothing else may be listed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export type ReviewedDependency = { name: string; version: string };

const ROW = /^\|\s*(@?[a-z0-9][\w.\-/]*)\s*\|\s*(\d+\.\d+\.\d+[\w.-]*)\s*\|/;

/** The package rows of the review table. */
export const readReviewedDependencies = (markdown: string): ReviewedDependency[] =>
  markdown.split('\n').flatMap((line) => {
    const match = ROW.exec(line);
    return match?.[1] && match[2] ? [{ name: match[1], version: match[2] }] : [];
  });

/** Runtime dependencies of package.json at the versions package-lock.json installs. */
const PackageJson = z.object({ dependencies: z.record(z.string(), z.string()).default({}) });
const PackageLock = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional() })).default({}) });

export const lockedRuntimeDependencies = (packageJson: unknown, lock: unknown): ReviewedDependency[] => {
  const names = Object.keys(PackageJson.parse(packageJson).dependencies);
  const { packages } = PackageLock.parse(lock);
  return names.map((name) => ({ name, version: packages[`node_modules/${name}`]?.version ?? 'not in the lock file' }));
};

/** What is wrong with the review, one sentence per problem; empty when it matches the lock. */
export const reviewProblems = (reviewed: ReviewedDependency[], locked: ReviewedDependency[]): string[] => {
  const listed = new Map(reviewed.map((d) => [d.name, d.version]));
  const installed = new Map(locked.map((d) => [d.name, d.version]));
  const problems: string[] = [];
  for (const { name, version } of locked) {
    const seen = listed.get(name);
    if (seen === undefined)
      problems.push(`${name} ${version} is a runtime dependency but is not in docs/dependencies.md: review it and add it`);
    else if (seen !== version)
      problems.push(
        `${name} is at ${version} in the lock file but docs/dependencies.md reviewed ${seen}: review the change and update the list`,
      );
  }
  for (const { name } of reviewed) {
    if (!installed.has(name)) problems.push(`${name} is in docs/dependencies.md but is no longer a runtime dependency: remove its row`);
  }
  return problems;
};

/** Reads the three files of a checkout. */
export const checkDependencyReview = async (root: string): Promise<string[]> => {
  const [markdown, packageJson, lock] = await Promise.all([
    readFile(join(root, 'docs/dependencies.md'), 'utf8'),
    readFile(join(root, 'package.json'), 'utf8').then(JSON.parse),
    readFile(join(root, 'package-lock.json'), 'utf8').then(JSON.parse),
  ]);
  return reviewProblems(readReviewedDependencies(markdown), lockedRuntimeDependencies(packageJson, lock));
};
