import type { EngagementActivity } from '../../framework/partnership-teaching-rules.ts';
import { parseDate, type RowError } from '../staff-import/validate.ts';
import { readAudience } from './audience.ts';
import { type PartnershipKind, resolveKind } from './kinds.ts';
import { type Sector, sectors } from './sectors.ts';

/**
 * The columns of an engagements file. The first nine are the (`date,teacher,kind,host,
 * activity,audience,pupils,teachers,hours`); the rest are optional and fill in the record.
 */
export const engagementColumns = {
  date: { label: 'date', required: true },
  teacher: { label: 'teacher', required: true },
  kind: { label: 'kind', required: true },
  host: { label: 'host', required: true },
  activity: { label: 'activity', required: true },
  audience: { label: 'audience', required: true },
  pupils: { label: 'pupils', required: true },
  teachers: { label: 'teachers', required: true },
  hours: { label: 'hours', required: true },
  traineeTeachers: { label: 'trainee teachers', required: false },
  governors: { label: 'governors', required: false },
  parents: { label: 'parents', required: false },
  yearGroups: { label: 'year groups', required: false },
  hostPhase: { label: 'host phase', required: false },
  hostSector: { label: 'host sector', required: false },
  reusedBy: { label: 'reused by', required: false },
  outcome: { label: 'outcome', required: false },
  followUps: { label: 'follow-ups', required: false },
} as const;
export type EngagementColumn = keyof typeof engagementColumns;
const columnNames = Object.keys(engagementColumns) as EngagementColumn[];

/** One row of an engagements file, read and checked; teacher and host are still the file's words. */
export type EngagementRow = {
  row: number;
  date: string;
  teacher: string;
  kind: string;
  host: string;
  activity: string;
  audience: ReturnType<typeof readAudience>['groups'];
  pupils: number;
  teachers: number;
  traineeTeachers: number;
  governors: number;
  parents: number;
  minutes: number;
  yearGroups: string[];
  hostPhase: string | null;
  hostSector: Sector | null;
  reusedBy: string[];
  outcome: string;
  followUps: string;
};

const headerKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .replace(/^follow ups$/, 'follow-ups');

const count = (text: string): number | null => {
  if (text.trim() === '') return 0;
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
};

const sectorOf = (text: string): Sector | null => {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === 'fe') return 'further_education';
  return sectors.find((s) => s === key) ?? null;
};

const list = (text: string) =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Reads an engagements table (the first row its header; row numbers as the spreadsheet shows them,
 * the header being row 1) and reports every problem with its row, column and reason. Rows come back
 * only when there is no problem at all, so nothing is applied from a file with any error.
 */
export const readEngagementRows = (
  table: readonly (readonly string[])[],
  context: { kinds: readonly PartnershipKind[]; activities: readonly EngagementActivity[]; today: string },
): { rows: EngagementRow[]; errors: RowError[] } => {
  const [header = [], ...body] = table;
  const at = new Map<EngagementColumn, number>();
  header.forEach((h, i) => {
    const column = columnNames.find((c) => engagementColumns[c].label === headerKey(h));
    if (column && !at.has(column)) at.set(column, i);
  });
  const errors: RowError[] = [];
  for (const c of columnNames)
    if (engagementColumns[c].required && !at.has(c))
      errors.push({ row: 1, column: engagementColumns[c].label, reason: 'the header has no such column' });
  if (errors.length > 0) return { rows: [], errors };

  const rows: EngagementRow[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const cell = (c: EngagementColumn) => (cells[at.get(c) ?? -1] ?? '').trim();
    const fail = (c: EngagementColumn, reason: string) => errors.push({ row, column: engagementColumns[c].label, reason });
    const before = errors.length;
    for (const c of columnNames)
      if (engagementColumns[c].required && cell(c) === '' && !['pupils', 'teachers'].includes(c)) fail(c, 'is required but empty');

    const date = cell('date') === '' ? null : parseDate(cell('date'));
    if (cell('date') !== '' && date === null) fail('date', `"${cell('date')}" is not a date (write 2026-11-03 or 03/11/2026)`);
    else if (date !== null && date > context.today) fail('date', `${date} is in the future: record engagements once they have happened`);
    else if (date !== null && date < '2000-01-01') fail('date', `${date} is before 2000`);

    const kind = cell('kind') === '' ? null : resolveKind(context.kinds, cell('kind'));
    if (cell('kind') !== '' && kind === null)
      fail('kind', `"${cell('kind')}" is not one of the 11 kinds (write its id, such as secondee, or its name)`);

    const activityText = cell('activity').toLowerCase();
    const activity = context.activities.find((a) => a.id === activityText || a.title.toLowerCase() === activityText);
    if (cell('activity') !== '' && !activity)
      fail(
        'activity',
        `"${cell('activity')}" is not an activity Pathways records (such as ${context.activities
          .slice(0, 3)
          .map((a) => a.title.toLowerCase())
          .join(', ')})`,
      );

    const audience = readAudience(cell('audience'));
    if (audience.unknown.length > 0)
      fail('audience', `"${audience.unknown.join('", "')}" is not an audience (pupils, teachers, trainee teachers, governors, parents)`);

    const numbers = { pupils: 0, teachers: 0, traineeTeachers: 0, governors: 0, parents: 0 };
    for (const c of ['pupils', 'teachers', 'traineeTeachers', 'governors', 'parents'] as const) {
      const n = count(cell(c));
      if (n === null) fail(c, `"${cell(c)}" is not a whole number of people`);
      else numbers[c] = n;
    }
    const groupOf = {
      pupils: 'pupils',
      teachers: 'teachers',
      traineeTeachers: 'trainee_teachers',
      governors: 'governors',
      parents: 'parents',
    } as const;
    for (const c of ['pupils', 'teachers', 'traineeTeachers', 'governors', 'parents'] as const)
      if (numbers[c] > 0 && audience.unknown.length === 0 && !audience.groups.includes(groupOf[c]))
        fail('audience', `counts ${numbers[c]} ${engagementColumns[c].label} but the audience does not name them`);

    const hoursText = cell('hours');
    const hours = /^\d{1,3}(\.\d{1,2})?$/.test(hoursText) ? Number(hoursText) : null;
    if (hoursText !== '' && (hours === null || hours <= 0 || hours > 24))
      fail('hours', `"${hoursText}" is not a number of hours from 0.25 to 24`);

    const hostSector = cell('hostSector') === '' ? null : sectorOf(cell('hostSector'));
    if (cell('hostSector') !== '' && hostSector === null)
      fail('hostSector', `"${cell('hostSector')}" is not state, independent or further education`);

    const reusedBy = list(cell('reusedBy'));
    if (reusedBy.length > 0 && !activity?.digital) fail('reusedBy', 'only a digital resource can be reused by other organisations');

    if (errors.length > before || !date || !kind || !activity || hours === null) return;
    rows.push({
      row,
      date,
      teacher: cell('teacher'),
      kind: kind.code,
      host: cell('host'),
      activity: activity.id,
      audience: audience.groups,
      ...numbers,
      minutes: Math.round(hours * 60),
      yearGroups: list(cell('yearGroups')),
      hostPhase: cell('hostPhase') || null,
      hostSector,
      reusedBy,
      outcome: cell('outcome'),
      followUps: cell('followUps'),
    });
  });
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
};
