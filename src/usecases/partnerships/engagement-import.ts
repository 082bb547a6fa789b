import { readSpreadsheet } from '../../adapters/spreadsheets/read-spreadsheet.ts';
import { AppError } from '../../contracts/errors.ts';
import { readEngagementRows } from '../../domain/partnerships/engagement-rows.ts';
import type { Deployment, Engagement } from '../../domain/partnerships/records.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { RowError } from '../../domain/staff-import/validate.ts';
import { audit } from '../../store/audit.ts';
import { deployments } from '../../store/partnerships/deployments.ts';
import { engagements } from '../../store/partnerships/engagements.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { authorizePartnership } from './access.ts';
import { newIdOf, type PartnershipDeps, todayOf } from './deps.ts';
import { engagementEvent, engagementFromInput, engagementProblems } from './engagements.ts';

/** The largest engagements file accepted. */
export const ENGAGEMENT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

const refuse = (fileName: string, errors: readonly RowError[]) =>
  new AppError(
    'import_invalid',
    `${fileName} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; no engagements were imported`,
    errors.map((e) => ({ where: `row ${e.row}, column ${e.column}`, reason: e.reason })),
  );

/**
 * Imports engagements from CSV or XLSX (partnership.manage), read by the staff import's worker-based
 * reader and checked row by row as the form checks one engagement: teachers by the name of a deployed
 * teacher (the deployment covering the date), hosts and reusers by partner name. Any problem refuses
 * the whole file with every row's problems (row numbers as the spreadsheet shows them); otherwise every
 * row is written in one transaction with an audit event each.
 */
export const importEngagements = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  file: { fileName: string; bytes: Uint8Array },
): Promise<{ imported: number }> => {
  const { user, partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  if (file.bytes.byteLength > ENGAGEMENT_IMPORT_MAX_BYTES)
    throw new AppError('import_invalid', `${file.fileName} is too large to import`, [
      { where: file.fileName, reason: `the largest file accepted is ${ENGAGEMENT_IMPORT_MAX_BYTES / (1024 * 1024)} MB` },
    ]);
  const table = await readSpreadsheet(file.fileName, file.bytes);
  const { rows, errors } = readEngagementRows(table, { kinds: deps.kinds, activities: deps.rules.activities, today: todayOf(deps) });
  if (errors.length > 0) throw refuse(file.fileName, errors);

  const [partners, all] = await Promise.all([
    partnerOrganisations(deps.db).list(partnership.id),
    deployments(deps.db).listByPartnership(partnership.id),
  ]);
  const partnerByName = new Map(partners.map((p) => [key(p.name), p]));
  const problems: RowError[] = [];
  const items: { engagement: Engagement; deployment: Deployment; hostName: string }[] = [];
  for (const row of rows) {
    const fail = (column: string, reason: string) => problems.push({ row: row.row, column, reason });
    const named = all.filter((d) => key(d.person.name) === key(row.teacher));
    const deployment = named.find((d) => d.startsOn <= row.date && (d.endsOn === null || d.endsOn >= row.date)) ?? named[0];
    if (!deployment) {
      fail('teacher', `"${row.teacher}" is not a teacher deployed by this partnership`);
      continue;
    }
    const host = partnerByName.get(key(row.host));
    if (!host) fail('host', `"${row.host}" is not one of the partnership’s organisations`);
    const reusers = row.reusedBy.map((name) => ({ name, partner: partnerByName.get(key(name)) }));
    for (const r of reusers) if (!r.partner) fail('reused by', `"${r.name}" is not one of the partnership’s organisations`);
    if (!host || reusers.some((r) => !r.partner)) continue;
    const engagement = engagementFromInput(newIdOf(deps), deployment, {
      occurredOn: row.date,
      hostPartnerId: host.id,
      kind: row.kind,
      activity: row.activity,
      pupils: row.pupils,
      yearGroups: row.yearGroups,
      pupilPhase: row.hostPhase,
      teachers: row.teachers,
      traineeTeachers: row.traineeTeachers,
      governors: row.governors,
      parents: row.parents,
      minutes: row.minutes,
      outcomeNotes: row.outcome,
      followUps: row.followUps,
      reusedBy: reusers.flatMap((r) => (r.partner ? [r.partner.id] : [])),
    });
    const where = { date: 'date', host: 'host', kind: 'kind', activity: 'activity', reusedBy: 'reused by' };
    for (const p of engagementProblems(deps, deployment, partners, engagement, where)) fail(p.where, p.reason);
    items.push({ engagement, deployment, hostName: host.name });
  }
  if (problems.length > 0) throw refuse(file.fileName, problems);
  await deps.db.transaction().execute(async (trx) => {
    await engagements(trx).insertMany(
      items.map((i) => i.engagement),
      user.userId,
    );
    await audit(trx, deps.auditKey).record(
      ...items.map((i) => engagementEvent(deps, user, i.deployment, i.engagement, i.hostName, 'import')),
    );
  });
  return { imported: items.length };
};
