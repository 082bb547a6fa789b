import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { readSpreadsheet } from '../adapters/spreadsheets/read-spreadsheet.ts';
import { AppError } from '../contracts/errors.ts';
import { readEngagementRows } from '../domain/partnerships/engagement-rows.ts';
import type { EngagementFact, ImpactOrganisation } from '../domain/partnerships/impact.ts';
import { networkImpact } from '../domain/partnerships/impact-report.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { readPartnershipTeachingRules } from '../framework/partnership-teaching-rules.ts';

type Output = { write(text: string): void };
export type PartnershipCommandOptions = { out?: Output; loadCatalogue?: () => Promise<Catalogue>; today?: () => string };

const isoDate = z.iso.date({ error: 'a date as YYYY-MM-DD' });
const ImpactFlags = z.object({
  engagements: z.string().min(1),
  from: isoDate.optional(),
  to: isoDate.optional(),
  json: z.boolean().optional(),
});

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Organisations are named in the file: one per distinct name (case and spacing ignored). */
const organisationOf = (name: string, phase: string | null, sector: ImpactOrganisation['sector'] | null): ImpactOrganisation => ({
  id: name.trim().toLowerCase().replace(/\s+/g, ' '),
  name: name.trim(),
  phase,
  sector,
});

/**
 * `pathways partnership impact`: reach, breadth, depth, degree and betweenness for each teacher and each
 * organisation of an engagements file (CSV or XLSX), read and checked as the engagements import does.
 */
export const registerPartnershipCommands = (program: Command, options: PartnershipCommandOptions = {}): Command => {
  const out = options.out ?? process.stdout;
  const loadCatalogue = options.loadCatalogue ?? (async () => buildCatalogue(await readFrameworkFiles()));
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const partnership = program
    .command('partnership')
    .description('partnership teaching: the reach and network influence of partnership teachers');
  partnership
    .command('impact')
    .description('reach, breadth, depth, degree and betweenness for each teacher and organisation of an engagements file')
    .requiredOption(
      '--engagements <file>',
      'CSV or XLSX with columns date,teacher,kind,host,activity,audience,pupils,teachers,hours (kind by id or name)',
    )
    .option('--from <date>', 'first date counted, YYYY-MM-DD')
    .option('--to <date>', 'last date counted, YYYY-MM-DD')
    .option('--json', 'print the figures as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = ImpactFlags.safeParse(raw);
      if (!parsed.success)
        throw new AppError(
          'validation',
          'The impact flags are not valid',
          parsed.error.issues.map((issue) => ({ where: `--${String(issue.path[0] ?? 'flags')}`, reason: issue.message })),
        );
      const flags = parsed.data;
      if (flags.from && flags.to && flags.from > flags.to)
        throw new AppError('validation', 'The period ends before it starts', [
          { where: '--to', reason: `${flags.to} is before ${flags.from}` },
        ]);
      const bytes = await readFile(flags.engagements).catch(() => {
        throw new AppError('not_found', `Cannot read ${flags.engagements}`, [
          { where: '--engagements', reason: 'no such file, or it cannot be read' },
        ]);
      });
      const fileName = basename(flags.engagements);
      const [table, catalogue, rules] = await Promise.all([
        readSpreadsheet(fileName, new Uint8Array(bytes)),
        loadCatalogue(),
        readPartnershipTeachingRules(),
      ]);
      const kinds = catalogue.items({ kind: 'partnership-teacher-kind' }).map((i) => ({ code: i.code, title: i.title ?? i.code }));
      const { rows, errors } = readEngagementRows(table, { kinds, activities: rules.activities, today: today() });
      if (errors.length > 0)
        throw new AppError(
          'import_invalid',
          `${fileName} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was counted`,
          errors.map((e) => ({ where: `${fileName} row ${e.row}, column ${e.column}`, reason: e.reason })),
        );
      const facts: EngagementFact[] = rows.map((r) => ({
        teacherId: r.teacher.toLowerCase().replace(/\s+/g, ' '),
        teacherName: r.teacher,
        kind: r.kind,
        host: organisationOf(r.host, r.hostPhase, r.hostSector),
        occurredOn: r.date,
        pupils: r.pupils,
        teachers: r.teachers + r.traineeTeachers,
        minutes: r.minutes,
        reusedBy: r.reusedBy.map((name) => organisationOf(name, null, null)),
      }));
      const report = networkImpact(facts, { from: flags.from ?? null, to: flags.to ?? null });
      const result = {
        from: report.from,
        to: report.to,
        engagements: report.partnership.engagements,
        normalisation: report.normalisation,
        teachers: report.teachers.map((t) => ({
          teacher: t.name,
          reach: t.reach,
          breadth: {
            phases: t.breadth.phases.length,
            sectors: t.breadth.sectors.length,
            kinds: t.breadth.kinds.length,
            kindIds: t.breadth.kinds,
          },
          depth: t.depth.repeatEngagements,
          degree: round(t.degreeCentrality),
          neighbours: t.degree,
          betweenness: round(t.betweenness),
        })),
        organisations: report.organisations.map((o) => ({
          organisation: o.organisation.name,
          reach: o.reach,
          breadth: { kinds: o.breadth.kinds.length, kindIds: o.breadth.kinds },
          depth: o.depth.repeatEngagements,
          degree: round(o.degreeCentrality),
          neighbours: o.degree,
          betweenness: round(o.betweenness),
        })),
      };
      if (flags.json) {
        out.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = [
        `${result.engagements} engagement${result.engagements === 1 ? '' : 's'}${flags.from || flags.to ? ` from ${flags.from ?? 'the start'} to ${flags.to ?? 'the end'}` : ''}`,
        '',
        'Teachers (reach: organisations / pupils / teachers; breadth: phases / sectors / kinds; depth: repeat engagements)',
        ...result.teachers.map(
          (t) =>
            `  ${t.teacher}: reach ${t.reach.organisations} / ${t.reach.pupils} / ${t.reach.teachers}; breadth ${t.breadth.phases} / ${t.breadth.sectors} / ${t.breadth.kinds}; depth ${t.depth}; degree ${t.degree}; betweenness ${t.betweenness}`,
        ),
        '',
        'Organisations (reach: teachers / pupils / teachers in the audience; breadth: kinds; depth: repeat visits by the same teacher)',
        ...result.organisations.map(
          (o) =>
            `  ${o.organisation}: reach ${o.reach.teachers} / ${o.reach.pupils} / ${o.reach.audienceTeachers}; breadth ${o.breadth.kinds}; depth ${o.depth}; degree ${o.degree}; betweenness ${o.betweenness}`,
        ),
        '',
        `Degree: ${result.normalisation.degree}.`,
        `Betweenness: ${result.normalisation.betweenness}.`,
      ];
      out.write(`${lines.join('\n')}\n`);
    });
  return partnership;
};
