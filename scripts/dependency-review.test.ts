import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDependencyReview, readReviewedDependencies, reviewProblems } from './dependency-review.ts';

describe('the reviewed dependency list', () => {
  it('lists every runtime dependency at the version the lock file installs, and nothing else', async () => {
    expect(await checkDependencyReview(join(import.meta.dirname, '..'))).toEqual([]);
  });

  it('names an unreviewed addition, a version change and a removed package', () => {
    const reviewed = readReviewedDependencies('| pkg | version |\n| --- | --- |\n| kysely | 0.28.18 | MIT |\n| gone | 1.0.0 | MIT |\n');
    const problems = reviewProblems(reviewed, [
      { name: 'kysely', version: '0.29.0' },
      { name: '@scope/new', version: '2.1.0' },
    ]);
    expect(problems).toEqual([
      'kysely is at 0.29.0 in the lock file but docs/dependencies.md reviewed 0.28.18: review the change and update the list',
      '@scope/new 2.1.0 is a runtime dependency but is not in docs/dependencies.md: review it and add it',
      'gone is in docs/dependencies.md but is no longer a runtime dependency: remove its row',
    ]);
  });
});
