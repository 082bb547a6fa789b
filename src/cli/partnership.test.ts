import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../contracts/errors.ts';
import { registerPartnershipCommands } from './partnership.ts';

const run = async (args: string[]) => {
  const output: string[] = [];
  const program = new Command('pathways').exitOverride();
  registerPartnershipCommands(program, { out: { write: (t) => output.push(t) }, today: () => '2026-12-04' });
  await program.parseAsync(['node', 'pathways', ...args]);
  return output.join('');
};

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'pathways-partnership-cli-')), 'engagements.csv');
  writeFileSync(path, text);
  return path;
};

const good = `date,teacher,kind,host,activity,audience,pupils,teachers,hours
2026-10-01,Ann Lee,animateur,Oak Primary,Workshop,pupils,30,0,1.5
2026-10-08,Ann Lee,PT.animateur,Oak Primary,Workshop,pupils,28,0,1.5
2026-11-03,Ann Lee,The pedagogue,Elm College,Coaching session,teachers,0,4,1
2026-11-05,Ben Cole,mentor,Oak Primary,Mentoring session,teachers,0,2,1
`;

describe('pathways partnership impact', () => {
  it('prints each teacher’s and organisation’s reach, breadth, depth, degree and betweenness, with the normalisation', async () => {
    const result = JSON.parse(await run(['partnership', 'impact', '--engagements', file(good), '--json']));
    // The network: Elm – Ann – Oak – Ben (4 nodes). Ann and Oak lie between two pairs each: 2·2/(3·2) = 0.6667.
    expect(result.teachers).toEqual([
      {
        teacher: 'Ann Lee',
        reach: { organisations: 2, pupils: 58, teachers: 4 },
        breadth: { phases: 0, sectors: 0, kinds: 2, kindIds: ['PT.animateur', 'PT.pedagogue'] },
        depth: 1,
        degree: 0.6667,
        neighbours: 2,
        betweenness: 0.6667,
      },
      {
        teacher: 'Ben Cole',
        reach: { organisations: 1, pupils: 0, teachers: 2 },
        breadth: { phases: 0, sectors: 0, kinds: 1, kindIds: ['PT.mentor'] },
        depth: 0,
        degree: 0.3333,
        neighbours: 1,
        betweenness: 0,
      },
    ]);
    expect(
      result.organisations.map((o: { organisation: string; depth: number; betweenness: number }) => [
        o.organisation,
        o.depth,
        o.betweenness,
      ]),
    ).toEqual([
      ['Elm College', 0, 0],
      ['Oak Primary', 1, 0.6667],
    ]);
    expect(result.normalisation.betweenness).toContain('normalized: true');
  });

  it('counts only the period asked for', async () => {
    const result = JSON.parse(await run(['partnership', 'impact', '--engagements', file(good), '--from', '2026-11-01', '--json']));
    expect(result.engagements).toBe(2);
    expect(result.teachers[0].reach).toEqual({ organisations: 1, pupils: 0, teachers: 4 });
  });

  it('refuses a file with a bad row, naming its row and column, and counts nothing', async () => {
    const bad = `${good}2026-11-10,Ben Cole,plumber,Oak Primary,Workshop,pupils,3,0,1\n`;
    const error = await run(['partnership', 'impact', '--engagements', file(bad)]).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('import_invalid');
    expect(isAppError(error) && error.details).toEqual([
      {
        where: 'engagements.csv row 6, column kind',
        reason: '"plumber" is not one of the 11 kinds (write its id, such as secondee, or its name)',
      },
    ]);
  });
});
