import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProgressionCommands } from './progression.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pathways-progression-'));
  await writeFile(
    join(dir, 'state.json'),
    JSON.stringify({
      role: 'TA5',
      phase: 'primary',
      nation: 'England',
      hoursPerWeekForStudy: 6,
      specialisms: ['a'],
      achievements: [
        { status: 'HLTA_STATUS' },
        { degree: 'foundation-degree', credits: 240, level: 5 },
        { subject: 'english', scheme: 'gcse', grade: '5' },
        { subject: 'maths', scheme: 'gcse', grade: 'C' },
      ],
      judgements: { 'HLTA.1': 'met', 'HLTA.2': 'developing' },
    }),
  );
  await writeFile(
    join(dir, 'bad.json'),
    JSON.stringify({ phase: 'primary', nation: 'England', role: 'TA9', judgements: { 'HLTA.99': 'met' } }),
  );
  await writeFile(
    join(dir, 'duties.json'),
    JSON.stringify({
      currentRole: 'TA2',
      duties: { 'TA4.D1': 'regularly', 'TA4.D2': 'regularly', 'TA4.D3': 'regularly', 'TA4.D4': 'regularly', 'TA4.D5': 'regularly' },
    }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const pathways = async (...args: string[]) => {
  let text = '';
  const program = new Command('pathways').exitOverride();
  registerProgressionCommands(program, { out: { write: (t) => (text += t) } });
  await program.parseAsync(args, { from: 'user' });
  return text;
};

describe('pathways gap | route | rolefit', () => {
  it('gap --json gives the tree, counts and coverage', async () => {
    const out = JSON.parse(await pathways('gap', '--state', join(dir, 'state.json'), '--target', 'HLTA_STATUS', '--json'));
    expect(out.target.id).toBe('HLTA_STATUS');
    expect(out.counts).toMatchObject({ met: 2, partial: 1 });
    expect(out.coverage[0]).toMatchObject({ framework: 'hlta-standards', met: 1, developing: 1, total: 33 });
  });

  it('gap prints a checklist without --json', async () => {
    const out = await pathways('gap', '--state', join(dir, 'state.json'), '--target', 'TA5');
    expect(out).toContain('Gap to');
    expect(out).toContain('(advice, not a barrier)');
  });

  it('route --json has routes with steps (done / todo) and totalMonths', async () => {
    const out = JSON.parse(await pathways('route', '--state', join(dir, 'state.json'), '--goal', 'TEACHER_QTS', '--json'));
    // The person studies 6 hours a week: the top-up's part-time form (24 months) and part-time QTS training (18 to 24).
    expect(out.routes[0].totalMonths).toBe(24 + 18);
    expect(out.routes[0].headline).toMatch(/^42 months known \(600 hours of learning\) \+ \d steps? of unknown length$/);
    expect(out.routes[0].steps.map((s: { status: string }) => s.status)).toContain('done');
    expect(out.routes[0].steps.map((s: { status: string }) => s.status)).toContain('todo');
    const text = await pathways('route', '--state', join(dir, 'state.json'), '--goal', 'TEACHER_QTS');
    expect(text).toContain('Route 1 to Qualified teacher (QTS): 42 months known');
    expect(text).toContain("months part-time (the programme's part-time form)");
    expect(text).not.toContain('known months');
  });

  it('gap asks for the ST1414 option, and --training-phase decides whether QTS entry asks for science', async () => {
    // Issue 10: without an option ST1414's KSBs cannot be answered; science is asked of primary trainees only.
    const st1414 = await pathways('gap', '--state', join(dir, 'state.json'), '--target', 'ST1414');
    expect(st1414).toContain(
      '? choose an option: SEND specialist teaching assistant, Social and emotional well-being specialist teaching assistant or Specialist curriculum provision teaching assistant',
    );
    const unchosen = JSON.parse(await pathways('gap', '--state', join(dir, 'state.json'), '--target', 'ITT.QTS', '--json'));
    expect(unchosen.choices.map((c: { name: string }) => c.name)).toEqual(['trainingPhase']);
    const secondary = JSON.parse(
      await pathways('gap', '--state', join(dir, 'state.json'), '--target', 'ITT.QTS', '--training-phase', 'secondary', '--json'),
    );
    expect(secondary).toMatchObject({ trainingPhase: 'secondary', choices: [] });
    await expect(
      pathways('gap', '--state', join(dir, 'state.json'), '--target', 'ITT.QTS', '--training-phase', 'nursery'),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('rolefit --json has the fields issue 5 names', async () => {
    const out = JSON.parse(await pathways('rolefit', '--duties', join(dir, 'duties.json'), '--json'));
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['bestFit', 'gradeComparison', 'aboveGrade', 'dutiesAboveGrade', 'profiles', 'threshold', 'warnings']),
    );
    expect(out.profiles[0]).toEqual(
      expect.objectContaining({ role: expect.any(String), level: expect.any(Number), coverage: expect.any(Object) }),
    );
    expect(out.bestFit.role).toBe('TA4');
    expect(out.gradeComparison).toBe('above');
  });

  it('rejects unknown ids with the JSON path and the reason', async () => {
    await expect(pathways('gap', '--state', join(dir, 'bad.json'), '--target', 'TA5')).rejects.toMatchObject({
      code: 'validation',
      details: [
        { where: '$.role', reason: 'unknown role TA9' },
        { where: '$.judgements["HLTA.99"]', reason: 'unknown competency item HLTA.99' },
      ],
    });
    await expect(pathways('gap', '--state', join(dir, 'state.json'), '--target', 'NOPE')).rejects.toMatchObject({ code: 'not_found' });
  });
});
