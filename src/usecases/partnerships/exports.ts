import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import type { PartnershipTable } from '../../contracts/partnerships.ts';
import { audienceGroups } from '../../domain/partnerships/audience.ts';
import { networkImpact } from '../../domain/partnerships/impact-report.ts';
import { kindName } from '../../domain/partnerships/kinds.ts';
import type { Engagement } from '../../domain/partnerships/records.ts';
import { sectorNames } from '../../domain/partnerships/sectors.ts';
import { plannedAgainstShare } from '../../domain/partnerships/work-pattern.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { loadPartnership } from './access.ts';
import type { PartnershipDeps } from './deps.ts';
import { factsOf } from './facts.ts';
import { parsePeriod } from './overview.ts';
import { loadVisibleWork } from './visible-work.ts';

export type PartnershipExport = { fileName: string; contentType: string; bytes: Uint8Array };
type Cell = string | number | null;

const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

const audienceText = (e: Engagement) => {
  const counts = {
    pupils: e.audience.pupils,
    teachers: e.audience.teachers,
    trainee_teachers: e.audience.traineeTeachers,
    governors: e.audience.governors,
    parents: e.audience.parents,
  };
  return audienceGroups
    .filter((g) => counts[g] > 0)
    .map((g) => (g === 'trainee_teachers' ? 'trainee teachers' : g))
    .join('; ');
};

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'partnership';

/**
 * One of the partnership's tables as CSV or XLSX, as far as the user may see it (the page's rules):
 * partners, deployments, engagements (in the columns the engagements import reads, so an export can
 * be corrected and imported again) or impact. Every cell goes through neutraliseFormula, as the staff
 * export does, so a name such as `=HYPERLINK(…)` never runs when the file is opened.
 */
export const exportPartnershipTable = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  input: { table: PartnershipTable; format: 'csv' | 'xlsx'; period?: unknown },
): Promise<PartnershipExport> => {
  const { user, partnership } = await loadPartnership(deps, actor, partnershipId);
  const work = await loadVisibleWork(deps, user, partnership);
  const nameOf = new Map(work.partners.map((p) => [p.id, p]));
  const deploymentById = new Map(work.allDeployments.map((d) => [d.id, d]));
  const sheets: { name: string; header: string[]; rows: Cell[][] }[] = [];
  if (input.table === 'partners')
    sheets.push({
      name: 'Partners',
      header: ['name', 'on the platform', 'phase', 'sector', 'postcode area'],
      rows: work.partners.map((p) => [p.name, p.organisationId ? 'yes' : 'no (external)', p.phase, sectorNames[p.sector], p.postcodeArea]),
    });
  if (input.table === 'deployments')
    sheets.push({
      name: 'Deployments',
      header: [
        'teacher',
        'kinds',
        'home employer',
        'hosts',
        'share of time',
        'share unit',
        'planned hours a week',
        'starts',
        'ends',
        'objectives',
      ],
      rows: work.deployments.map((d) => [
        d.person.name,
        d.kinds.map((k) => kindName(deps.kinds, k)).join('; '),
        nameOf.get(d.homePartnerId)?.name ?? '',
        d.hostPartnerIds.map((h) => nameOf.get(h)?.name ?? '').join('; '),
        d.share.value,
        d.share.unit === 'fte' ? 'FTE' : 'hours a week',
        plannedAgainstShare(d.pattern, d.homePartnerId, d.share, deps.rules.workPattern).plannedHours,
        d.startsOn,
        d.endsOn,
        d.objectives,
      ]),
    });
  if (input.table === 'engagements')
    sheets.push({
      name: 'Engagements',
      header: [
        'date',
        'teacher',
        'kind',
        'host',
        'activity',
        'audience',
        'pupils',
        'teachers',
        'hours',
        'trainee teachers',
        'governors',
        'parents',
        'year groups',
        'host phase',
        'host sector',
        'reused by',
        'outcome',
        'follow-ups',
      ],
      rows: work.engagements.map((e) => {
        const host = nameOf.get(e.hostPartnerId);
        return [
          e.occurredOn,
          deploymentById.get(e.deploymentId)?.person.name ?? '',
          e.kind.replace(/^PT\./, ''),
          host?.name ?? '',
          e.activity,
          audienceText(e),
          e.audience.pupils,
          e.audience.teachers,
          e.minutes / 60,
          e.audience.traineeTeachers,
          e.audience.governors,
          e.audience.parents,
          e.audience.yearGroups.join('; '),
          host?.phase ?? '',
          host?.sector ?? '',
          e.reusedBy.map((r) => nameOf.get(r)?.name ?? '').join('; '),
          e.outcomeNotes,
          e.followUps,
        ];
      }),
    });
  if (input.table === 'impact') {
    const period = parsePeriod(input.period);
    const report = networkImpact(factsOf(work.engagements, work.allDeployments, work.partners), {
      from: period.from ?? null,
      to: period.to ?? null,
    });
    const note = `degree: ${report.normalisation.degree}; betweenness: ${report.normalisation.betweenness}`;
    sheets.push({
      name: 'Teachers',
      header: [
        'teacher',
        'engagements',
        'organisations reached',
        'pupils',
        'teachers',
        'phases',
        'sectors',
        'kinds',
        'repeat engagements',
        'organisations revisited',
        'links',
        'degree centrality',
        'betweenness',
        'normalisation',
      ],
      rows: report.teachers.map((t) => [
        t.name,
        t.engagements,
        t.reach.organisations,
        t.reach.pupils,
        t.reach.teachers,
        t.breadth.phases.length,
        t.breadth.sectors.length,
        t.breadth.kinds.length,
        t.depth.repeatEngagements,
        t.depth.organisationsRevisited,
        t.degree,
        t.degreeCentrality,
        t.betweenness,
        note,
      ]),
    });
    sheets.push({
      name: 'Organisations',
      header: [
        'organisation',
        'engagements hosted',
        'teachers',
        'pupils',
        'teachers in the audience',
        'kinds',
        'repeat engagements',
        'links',
        'degree centrality',
        'betweenness',
        'normalisation',
      ],
      rows: report.organisations.map((o) => [
        o.organisation.name,
        o.engagements,
        o.reach.teachers,
        o.reach.pupils,
        o.reach.audienceTeachers,
        o.breadth.kinds.length,
        o.depth.repeatEngagements,
        o.degree,
        o.degreeCentrality,
        o.betweenness,
        note,
      ]),
    });
  }
  const safe = (rows: Cell[][]) => rows.map((r) => r.map((c) => neutraliseFormula(c)));
  const base = `${slug(partnership.name)}-${input.table}`;
  if (input.format === 'csv') {
    const text = sheets.map((s) => Papa.unparse([s.header, ...safe(s.rows)], { newline: '\r\n' })).join('\r\n\r\n');
    return { fileName: `${base}.csv`, contentType: contentTypes.csv, bytes: new TextEncoder().encode(`\uFEFF${text}\r\n`) };
  }
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header);
    for (const row of safe(s.rows)) sheet.addRow(row);
  }
  return { fileName: `${base}.xlsx`, contentType: contentTypes.xlsx, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
};
