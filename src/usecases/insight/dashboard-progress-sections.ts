import type { DashboardFilter } from '../../domain/insight/dashboard-filter.ts';
import { type PipelineBand, pipelineBandNames } from '../../domain/insight/dashboard-pipeline.ts';
import type { CountRow } from '../../store/insight/dashboard.ts';
import type { PipelineFigures } from './dashboard-pipeline.ts';
import type { RoleFitFigures } from './dashboard-role-fit.ts';
import { agree, type Cell, count, countCell, type DashboardSection, section, share } from './dashboard-section.ts';

/**
 * The dashboard's sections on progression: role fit (who performs duties above their grade, from
 * their duty profiles) and the progression pipeline (how close each person is to their next level).
 * Pure presentation of figures worked out by the interpreters (dashboard-role-fit.ts, dashboard-pipeline.ts).
 */

const roleLabel = (role: string | null) => (role === null ? 'No graded role' : role);

/** Role fit: above, at and below grade, by graded role (job evaluation, indicative only). */
export const roleFitSection = async (
  fit: RoleFitFigures,
  byRole: readonly CountRow[],
  headcount: number,
  href: (filter: DashboardFilter) => string,
): Promise<DashboardSection> => {
  const withoutProfile = headcount - fit.evaluated;
  const bars = [
    { label: 'Above their grade', value: fit.above, href: href({ roleFit: 'above' }) },
    { label: 'At their grade', value: fit.at, href: href({ roleFit: 'at' }) },
    { label: 'Below their grade', value: fit.below, href: href({ roleFit: 'below' }) },
    { label: 'No duty profile', value: withoutProfile, href: href({ roleFit: 'none' }) },
  ];
  const move = fit.aboveGradeMoves[0];
  const commonest = move
    ? `, most often ${move.gradedRole === null ? 'staff without a graded role' : `${move.gradedRole} staff`} whose duties best fit ${move.bestFit} (${count(move.headcount)})`
    : '';
  const summary =
    fit.evaluated === 0
      ? `No one in scope has a duty profile yet (${count(headcount)} staff), so no one can be shown above or below their grade: a member of staff or their line manager records the duties they perform on the person’s role fit page.`
      : `${count(fit.above)} of ${count(fit.evaluated)} staff with a duty profile (${share(fit.above, fit.evaluated)}) ${agree(fit.above, 'performs', 'perform')} duties above their grade${commonest}; ${count(withoutProfile)} ${agree(withoutProfile, 'has', 'have')} no duty profile. This is indicative, for a job-evaluation conversation, not a pay decision.`;
  const figures: { key: 'above' | 'at' | 'below'; head: string }[] = [
    { key: 'above', head: 'Above their grade' },
    { key: 'at', head: 'At their grade' },
    { key: 'below', head: 'Below their grade' },
  ];
  const rowOf = (role: string | null, total: number): Cell[] => {
    const counts = fit.byGradedRole.find((r) => r.role === role) ?? { above: 0, at: 0, below: 0 };
    const roleFilter = { role: role ?? 'none' };
    return [
      { text: roleLabel(role) },
      ...figures.map((f) => countCell(counts[f.key], href({ ...roleFilter, roleFit: f.key }))),
      countCell(total - counts.above - counts.at - counts.below, href({ ...roleFilter, roleFit: 'none' })),
    ];
  };
  return section('role-fit', 'Role fit: duties above grade', summary, bars, 'Staff', {
    caption: 'Staff by how their latest duty profile compares with their graded role',
    head: ['Graded role', ...figures.map((f) => f.head), 'No duty profile'],
    rows: [
      ...byRole.map((r) => rowOf(r.key, r.headcount)),
      [
        { text: 'All staff' },
        ...figures.map((f) => countCell(fit[f.key], href({ roleFit: f.key }))),
        countCell(withoutProfile, href({ roleFit: 'none' })),
      ],
    ],
  });
};

const measuredBands: PipelineBand[] = ['under-25', '25-to-49', '50-to-74', '75-to-99', 'ready'];

/** The progression pipeline: staff by how much of their next level they already meet, by graded role. */
export const pipelineSection = async (pipeline: PipelineFigures, href: (filter: DashboardFilter) => string): Promise<DashboardSection> => {
  const bars = measuredBands.map((band) => ({
    label: pipelineBandNames[band],
    value: pipeline.byBand[band],
    href: href({ progression: band }),
  }));
  const ready = pipeline.byBand.ready;
  const close = pipeline.byBand['75-to-99'];
  const notMeasured = pipeline.byBand['not-measured'];
  const summary =
    pipeline.measured === 0
      ? `No one in scope has a next level to measure against (${count(notMeasured)} staff: no graded role, or at the top of their ladder).`
      : `Of ${count(pipeline.measured)} staff measured against their next level, ${count(ready)} ${agree(ready, 'meets', 'meet')} everything it asks and ${count(close)} more ${agree(close, 'meets', 'meet')} 75% or more; ${count(notMeasured)} ${agree(notMeasured, 'has', 'have')} no next level to measure (no graded role, or at the top of their ladder).`;
  return section('pipeline', 'Progression pipeline: how close to the next level', summary, bars, 'Staff', {
    caption:
      'Staff by the share of their next level’s needs they meet (competency items judged met, and requirements such as qualifications and specialisms held), by graded role',
    head: ['How much is met', 'Staff', ...pipeline.byRole.map((r) => `${r.role} to ${r.target}`)],
    rows: [
      ...measuredBands.map((band) => [
        { text: pipelineBandNames[band] },
        countCell(pipeline.byBand[band], href({ progression: band })),
        ...pipeline.byRole.map((r) => countCell(r.bands[band], href({ progression: band, role: r.role }))),
      ]),
      [
        { text: pipelineBandNames['not-measured'] },
        countCell(notMeasured, href({ progression: 'not-measured' })),
        ...pipeline.byRole.map(() => ({ text: '' })),
      ],
    ],
  });
};
