import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { WORKFORCE_TABLES } from '../demo/generate/rows.ts';
import type { GeneratedWorkforce } from '../demo/workforce-demo.ts';
import { describeWorkforce, registerDemoCommand } from './demo-scale.ts';

describe('pathways demo', () => {
  it('prints what was generated and every login with the demo password', () => {
    const counts = Object.fromEntries(WORKFORCE_TABLES.map((t) => [t, 0])) as GeneratedWorkforce['counts'];
    counts.people = 12_000;
    counts.judgements = 799_013;
    counts.evidence_items = 119_665;
    const text = describeWorkforce({
      plan: {
        trustId: 't',
        trustName: 'Elmwood Learning Trust (generated, seed 1)',
        provider: { id: 'p', name: 'Provider' },
        schools: [],
        staff: 12_000,
        logins: [
          {
            email: 'trust.admin@elmwood-learning-trust-1.example',
            role: 'trust_admin',
            organisation: 'Elmwood Learning Trust (generated, seed 1)',
          },
          { email: 'staff@elmwood-learning-trust-1.example', role: 'staff', organisation: 'Fairfield Academy' },
        ],
      },
      password: 'pathways-demo',
      method: 'copy',
      counts,
      tableSeconds: Object.fromEntries(WORKFORCE_TABLES.map((t) => [t, 0])) as GeneratedWorkforce['tableSeconds'],
      seconds: 100,
    });
    expect(text).toContain('12,000 staff');
    expect(text).toContain('799,013 judgements');
    expect(text).toContain('(COPY)');
    expect(text).toContain('password pathways-demo');
    expect(text).toMatch(/staff@elmwood-learning-trust-1\.example\s+staff\s+Fairfield Academy/);
  });

  it('offers the scales and refuses a seed that is not a whole number', async () => {
    const program = new Command('pathways').exitOverride();
    registerDemoCommand(program);
    const demo = program.commands.find((c) => c.name() === 'demo');
    expect(demo?.options.find((o) => o.long === '--scale')?.argChoices).toEqual(['small', 'school', 'trust']);
    demo?.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    await expect(program.parseAsync(['node', 'pathways', 'demo', '--scale', 'school', '--seed', 'x1'])).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
