import { describe, expect, it } from 'vitest';
import { parseOffTheJobActivities, readOffTheJobActivities } from './off-the-job-activities.ts';

describe('the off-the-job activity kinds kept as data', () => {
  it('lists the funding rules’ kinds of training and what does not count', async () => {
    const data = await readOffTheJobActivities();
    expect(data.activities.map((a) => a.id)).toEqual(
      expect.arrayContaining(['teaching-of-theory', 'shadowing', 'mentoring', 'industry-visits', 'writing-assignments']),
    );
    expect(data.notCounted).toContainEqual(expect.stringMatching(/^Progress reviews/));
  });

  it('refuses a file that names an activity twice, saying where', () => {
    const text = [
      'activities:',
      '  - { id: shadowing, title: Shadowing, hint: Watching }',
      '  - { id: shadowing, title: Again, hint: Twice }',
      'notCounted: []',
      'provenance: { origin: pathways, reason: a reason long enough }',
    ].join('\n');
    expect(() => parseOffTheJobActivities('test.yaml', text)).toThrow(
      expect.objectContaining({
        code: 'framework_invalid',
        details: [expect.objectContaining({ reason: 'duplicate activity id shadowing' })],
      }),
    );
  });
});
