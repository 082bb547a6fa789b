import { describe, expect, it } from 'vitest';
import { readEngagementRows } from './engagement-rows.ts';

const kinds = [
  { code: 'PT.animateur', title: 'The animateur' },
  { code: 'PT.digitiser', title: 'The digitiser' },
];
const activities = [
  { id: 'workshop', title: 'Workshop' },
  { id: 'digital-resource', title: 'Digital resource', digital: true },
];
const context = { kinds, activities, today: '2026-12-04' };
const header = ['date', 'teacher', 'kind', 'host', 'activity', 'audience', 'pupils', 'teachers', 'hours'];

describe('reading an engagements file', () => {
  it('reads good rows with kinds by id or name, UK dates and hours as minutes', () => {
    const { rows, errors } = readEngagementRows(
      [
        header,
        ['03/11/2026', 'Sam Patel', 'animateur', 'Oak Primary', 'Workshop', 'pupils; teachers', '28', '2', '1.5'],
        ['2026-11-10', 'Sam Patel', 'The digitiser', 'Oak Primary', 'digital-resource', 'teachers', '', '5', '3'],
      ],
      context,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.date, r.kind, r.activity, r.pupils, r.teachers, r.minutes, r.audience])).toEqual([
      [2, '2026-11-03', 'PT.animateur', 'workshop', 28, 2, 90, ['pupils', 'teachers']],
      [3, '2026-11-10', 'PT.digitiser', 'digital-resource', 0, 5, 180, ['teachers']],
    ]);
  });

  it('reports every problem by row and column as the spreadsheet numbers them, and returns no rows', () => {
    const { rows, errors } = readEngagementRows(
      [
        header,
        ['2026-11-03', 'Sam Patel', 'animateur', 'Oak Primary', 'Workshop', 'pupils', '28', '0', '1'],
        ['31/02/2026', 'Sam Patel', 'headteacher', 'Oak Primary', 'Assembly', 'pupils', 'many', '0', '0'],
        ['2027-01-05', '', 'animateur', 'Oak Primary', 'Workshop', 'dogs', '3', '1', '1'],
      ],
      context,
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 3, column: 'date', reason: '"31/02/2026" is not a date (write 2026-11-03 or 03/11/2026)' },
      { row: 3, column: 'kind', reason: '"headteacher" is not one of the 11 kinds (write its id, such as secondee, or its name)' },
      { row: 3, column: 'activity', reason: '"Assembly" is not an activity Pathways records (such as workshop, digital resource)' },
      { row: 3, column: 'pupils', reason: '"many" is not a whole number of people' },
      { row: 3, column: 'hours', reason: '"0" is not a number of hours from 0.25 to 24' },
      { row: 4, column: 'teacher', reason: 'is required but empty' },
      { row: 4, column: 'date', reason: '2027-01-05 is in the future: record engagements once they have happened' },
      { row: 4, column: 'audience', reason: '"dogs" is not an audience (pupils, teachers, trainee teachers, governors, parents)' },
    ]);
  });

  it('names a missing column in the header row', () => {
    const { errors } = readEngagementRows([header.filter((h) => h !== 'hours'), []], context);
    expect(errors).toEqual([{ row: 1, column: 'hours', reason: 'the header has no such column' }]);
  });

  it('refuses counts the audience does not name, and reuse of anything but a digital resource', () => {
    const { errors } = readEngagementRows(
      [
        [...header, 'reused by'],
        ['2026-11-03', 'Sam Patel', 'animateur', 'Oak Primary', 'Workshop', 'pupils', '28', '3', '1', 'Elm College'],
      ],
      context,
    );
    expect(errors.map((e) => `${e.row} ${e.column}: ${e.reason}`)).toEqual([
      '2 audience: counts 3 teachers but the audience does not name them',
      '2 reused by: only a digital resource can be reused by other organisations',
    ]);
  });
});
