import type { EnrolmentStatus } from '../../domain/apprenticeships/enrolment.ts';
import { statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import type { DashboardFilter } from '../../domain/insight/dashboard-filter.ts';
import { liveEnrolmentStatuses } from '../../domain/insight/dashboard-filter.ts';
import { dashboardReferenceOf, qualificationLevelName } from '../../domain/insight/dashboard-reference.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { type DashboardFigures, dashboardStore } from '../../store/insight/dashboard.ts';
import { type GatewayFigures, gatewayReadiness } from './dashboard-gateway.ts';
import { type PipelineFigures, progressionPipeline } from './dashboard-pipeline.ts';
import { pipelineSection, roleFitSection } from './dashboard-progress-sections.ts';
import { type RoleFitFigures, roleFitFigures } from './dashboard-role-fit.ts';
import { type DashboardDeps, type ResolvedScope, resolveDashboardScope, type ScopeQuery } from './dashboard-scope.ts';
import { agree, count, type DashboardSection, largest, peopleHref, section, share } from './dashboard-section.ts';

export type { Cell, DashboardSection } from './dashboard-section.ts';
export { peopleHref } from './dashboard-section.ts';

/** The figures the interpreters work out beside the SQL counts: role fit, the pipeline, Gateway to Completion. */
export type ProgressFigures = { roleFit: RoleFitFigures; pipeline: PipelineFigures; gateway: GatewayFigures };

export type DashboardView = {
  scope: Pick<ResolvedScope, 'kind' | 'name' | 'schools' | 'chosenSchoolId' | 'params'>;
  today: string;
  headline: { label: string; value: string; href: string }[];
  sections: DashboardSection[];
  figures: DashboardFigures;
  progress: ProgressFigures;
  can: { pickSchool: boolean; downloadReport: boolean };
  /** The report's links (counts only, and with names) and the training-needs analysis, in this scope. */
  reports: { title: string; countsHref: string; namesHref: string; trainingNeedsHref: string } | null;
  /** The dashboard's own tables as a spreadsheet, in this scope. */
  exports: { csv: string; xlsx: string };
};

const fte = (n: number | null) =>
  n === null ? 'not recorded' : n.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
/** FTE in words, saying when some hours are not recorded (they are left out of the FTE). */
const fteWords = (f: Pick<DashboardFigures, 'fte' | 'headcount' | 'withoutHours'>) =>
  f.fte === null
    ? 'hours not recorded, so no FTE'
    : f.withoutHours > 0
      ? `${fte(f.fte)} FTE for the ${count(f.headcount - f.withoutHours)} with hours recorded`
      : `${fte(f.fte)} FTE`;
const phaseName = (phase: string | null) =>
  phase === null ? 'Trust central team' : `${phase.charAt(0).toUpperCase()}${phase.slice(1).replace('-', ' ')}`;

/** The dashboard's sections from its figures: pure presentation of numbers counted in SQL. */
export const dashboardSections = async (
  scope: Pick<ResolvedScope, 'kind' | 'params'>,
  figures: DashboardFigures,
  progress: ProgressFigures,
  roles: ReadonlyMap<string, string>,
): Promise<DashboardSection[]> => {
  const href = (filter: DashboardFilter) => peopleHref(scope, filter);
  const total = figures.headcount;
  const roleOrder = [...roles.keys()];
  const byRole = [...figures.byRole].sort(
    (a, b) =>
      (a.key === null ? 1e6 : roleOrder.indexOf(a.key) === -1 ? 1e5 : roleOrder.indexOf(a.key)) -
      (b.key === null ? 1e6 : roleOrder.indexOf(b.key) === -1 ? 1e5 : roleOrder.indexOf(b.key)),
  );
  const roleLabel = (key: string | null) => (key === null ? 'No graded role' : key);
  const roleBars = byRole.map((r) => ({ label: roleLabel(r.key), value: r.headcount, href: href({ role: r.key ?? 'none' }) }));
  const apprentices = figures.apprenticeships
    .filter((a) => (liveEnrolmentStatuses as readonly string[]).includes(a.status))
    .reduce((sum, a) => sum + a.headcount, 0);
  const sections: DashboardSection[] = [];

  sections.push(
    await section(
      'roles',
      'Staff by graded role',
      `${count(total)} staff (${fteWords(figures)}); the largest group is ${largest(roleBars)}; ${count(apprentices)} on an apprenticeship.`,
      roleBars,
      'Staff',
      {
        caption: 'Headcount and FTE by graded role',
        head: ['Graded role', 'Headcount', 'FTE'],
        rows: [
          ...byRole.map((r) => [
            { text: r.key === null ? 'No graded role' : `${r.key}: ${roles.get(r.key) ?? r.key}` },
            { text: count(r.headcount), href: href({ role: r.key ?? 'none' }), numeric: true },
            { text: fte(r.fte), numeric: true },
          ]),
          [
            { text: 'On an apprenticeship' },
            { text: count(apprentices), href: href({ apprenticeship: 'live' }), numeric: true },
            { text: '' },
          ],
        ],
      },
    ),
  );

  if (scope.kind !== 'school') {
    const schoolBars = figures.bySchool.map((s) => ({
      label: s.name,
      value: s.headcount,
      href: scope.kind === 'trust' ? peopleHref({ params: { school: s.id } }, {}) : href({ school: s.id }),
    }));
    sections.push(
      await section(
        'schools',
        'Staff by school',
        `${count(figures.bySchool.length)} organisations; the largest is ${largest(schoolBars)}.`,
        schoolBars,
        'Staff',
        {
          caption: 'Headcount and FTE by school',
          head: ['School', 'Phase', 'Headcount', 'FTE'],
          rows: figures.bySchool.map((s, i) => [
            { text: s.name },
            { text: phaseName(s.phase) },
            { text: count(s.headcount), href: schoolBars[i]?.href ?? '', numeric: true },
            { text: fte(s.fte), numeric: true },
          ]),
        },
      ),
    );
    const phaseBars = figures.byPhase.map((p) => ({
      label: phaseName(p.key),
      value: p.headcount,
      href: p.key === null ? href({}) : href({ phase: p.key }),
    }));
    const rolesInPhases = [...new Set(figures.byPhaseAndRole.map((r) => r.role))];
    sections.push(
      await section('phases', 'Staff by phase', `The largest phase is ${largest(phaseBars)}.`, phaseBars, 'Staff', {
        caption: 'Headcount by phase and graded role',
        head: ['Phase', 'Headcount', 'FTE', ...rolesInPhases.map(roleLabel)],
        rows: figures.byPhase.map((p, i) => [
          { text: phaseName(p.key) },
          { text: count(p.headcount), href: phaseBars[i]?.href ?? '', numeric: true },
          { text: fte(p.fte), numeric: true },
          ...rolesInPhases.map((role) => {
            const n = figures.byPhaseAndRole.find((r) => r.phase === p.key && r.role === role)?.headcount ?? 0;
            return p.key === null
              ? { text: count(n), numeric: true }
              : { text: count(n), href: href({ phase: p.key, role: role ?? 'none' }), numeric: true };
          }),
        ]),
      }),
    );
  }

  const hltaBars = [
    { label: 'With HLTA status', value: figures.hlta, href: href({ hlta: 'yes' }) },
    { label: 'Without HLTA status', value: total - figures.hlta, href: href({ hlta: 'no' }) },
  ];
  sections.push(
    await section(
      'hlta',
      'HLTA status',
      `${count(figures.hlta)} of ${count(total)} staff (${share(figures.hlta, total)}) hold HLTA status.`,
      hltaBars,
      'Staff',
      {
        caption: 'Staff with and without HLTA status',
        head: ['HLTA status', 'Staff', 'Share'],
        rows: hltaBars.map((b) => [
          { text: b.label },
          { text: count(b.value), href: b.href, numeric: true },
          { text: share(b.value, total), numeric: true },
        ]),
      },
    ),
  );

  const qualificationBars = [...figures.byQualification]
    .sort((a, b) => (a.level ?? -1) - (b.level ?? -1))
    .map((q) => ({ label: qualificationLevelName(q.level), value: q.headcount, href: href({ qualification: q.level ?? 'none' }) }));
  const level3Up = figures.byQualification.filter((q) => (q.level ?? 0) >= 3).reduce((sum, q) => sum + q.headcount, 0);
  sections.push(
    await section(
      'qualifications',
      'Highest qualification level',
      `${count(level3Up)} of ${count(total)} staff (${share(level3Up, total)}) hold a qualification at Level 3 or above.`,
      qualificationBars,
      'Staff',
      {
        caption: 'Staff by the level of their highest qualification',
        head: ['Highest qualification', 'Staff', 'Share'],
        rows: qualificationBars.map((b) => [
          { text: b.label },
          { text: count(b.value), href: b.href, numeric: true },
          { text: share(b.value, total), numeric: true },
        ]),
      },
    ),
  );

  const mathsBars = [
    { label: 'With Level 2 English and maths', value: figures.englishMaths, href: href({ englishMaths: 'yes' }) },
    { label: 'Without both at Level 2', value: total - figures.englishMaths, href: href({ englishMaths: 'no' }) },
  ];
  sections.push(
    await section(
      'english-maths',
      'Level 2 English and maths',
      `${share(figures.englishMaths, total)} of staff (${count(figures.englishMaths)} of ${count(total)}) hold both English and maths at Level 2 or above.`,
      mathsBars,
      'Staff',
      {
        caption: 'Staff with English and maths at Level 2 (any grade scheme equivalent to Level 2)',
        head: ['English and maths', 'Staff', 'Share'],
        rows: mathsBars.map((b) => [
          { text: b.label },
          { text: count(b.value), href: b.href, numeric: true },
          { text: share(b.value, total), numeric: true },
        ]),
      },
    ),
  );

  sections.push(await roleFitSection(progress.roleFit, byRole, total, href));
  sections.push(await pipelineSection(progress.pipeline, href));

  const apprenticeshipBars = figures.apprenticeships.map((a) => ({
    label: statusNames[a.status as EnrolmentStatus] ?? a.status,
    value: a.headcount,
    href: href({ apprenticeship: a.status }),
  }));
  const atGateway = figures.apprenticeships.find((a) => a.status === 'at_gateway')?.headcount ?? 0;
  const gateway = progress.gateway;
  sections.push(
    await section(
      'apprenticeships',
      'Apprenticeships by status',
      apprenticeshipBars.length === 0
        ? 'No one in scope has an apprenticeship enrolment.'
        : `${count(apprentices)} staff ${agree(apprentices, 'is', 'are')} on an apprenticeship; ${count(gateway.ready)} of the ${count(gateway.onProgramme)} on programme ${agree(gateway.ready, 'is', 'are')} ready for Gateway to Completion, and ${count(atGateway)} ${agree(atGateway, 'is', 'are')} at it.`,
      apprenticeshipBars,
      'Staff',
      {
        caption: 'Staff by the status of their latest apprenticeship enrolment, and those ready for Gateway to Completion',
        head: ['Status', 'Staff'],
        rows: [
          ...apprenticeshipBars.map((b) => [{ text: b.label }, { text: count(b.value), href: b.href, numeric: true }]),
          ...(gateway.onProgramme > 0
            ? [
                [
                  { text: 'On programme and ready for Gateway to Completion' },
                  { text: count(gateway.ready), href: href({ gateway: 'ready' }), numeric: true },
                ],
              ]
            : []),
        ],
      },
    ),
  );

  const e = figures.evidence;
  const evidenceBars = [
    { label: 'Under 7 days', value: e.under7, href: href({ evidence: 'under-7-days' }) },
    { label: '7 to 27 days', value: e.from7to27, href: href({ evidence: '7-to-27-days' }) },
    { label: '28 days or more', value: e.over27, href: href({ evidence: '28-days-or-more' }) },
  ];
  sections.push(
    await section(
      'evidence',
      'Evidence waiting for review',
      e.items === 0
        ? 'No evidence is waiting for review.'
        : `${count(e.items)} evidence items from ${count(e.people)} staff are waiting for review; the oldest was submitted ${count(e.oldestDays ?? 0)} days ago.`,
      evidenceBars,
      'Staff',
      {
        caption: 'Staff with evidence waiting, by how long their oldest item has waited',
        head: ['Oldest item waiting', 'Staff'],
        rows: [
          ...evidenceBars.map((b) => [{ text: b.label }, { text: count(b.value), href: b.href, numeric: true }]),
          [{ text: 'Any' }, { text: count(e.people), href: href({ evidence: 'waiting' }), numeric: true }],
        ],
      },
    ),
  );

  const t = figures.training;
  const trainingBars = [
    { label: 'Missing or expired', value: t.peopleOutOfDate, href: href({ training: 'out-of-date' }) },
    { label: 'Expiring within 30 days', value: t.expiring30, href: href({ training: 'expiring-30' }) },
    { label: 'Expiring within 60 days', value: t.expiring60, href: href({ training: 'expiring-60' }) },
    { label: 'Expiring within 90 days', value: t.expiring90, href: href({ training: 'expiring-90' }) },
    { label: 'All in date', value: t.peopleInDate, href: href({ training: 'in-date' }) },
  ];
  sections.push(
    await section(
      'training',
      'Mandatory training',
      `${share(t.inDate, t.required)} of required training is in date; ${count(t.peopleOutOfDate)} staff have training missing or expired and ${count(t.expiring30)} have some expiring within 30 days.`,
      trainingBars,
      'Staff',
      {
        caption: 'Staff by mandatory training (expiring counts include the nearer windows)',
        head: ['Mandatory training', 'Staff'],
        rows: trainingBars.map((b) => [{ text: b.label }, { text: count(b.value), href: b.href, numeric: true }]),
      },
    ),
  );
  return sections;
};

const reportHref = (params: Record<string, string>, names: boolean) => {
  const query = new URLSearchParams(params);
  if (names) query.set('names', 'yes');
  const text = query.toString();
  return text ? `/insight/report.pdf?${text}` : '/insight/report.pdf';
};

/** The roles' titles by id, ladder order first. */
export const roleTitles = (deps: Pick<DashboardDeps, 'catalogue'>): Map<string, string> =>
  new Map(dashboardReferenceOf(deps.catalogue).gradedRoles.map((r) => [r.id, r.title]));

/**
 * The workforce dashboard for the caller's scope (their school, their trust or a school of it, or
 * their partnership): every figure counted in SQL, each chart drawn as SVG with its table and a
 * sentence, every number a link to the people behind it.
 */
export const workforceDashboard = async (deps: DashboardDeps, actor: Actor | Anonymous, query: ScopeQuery): Promise<DashboardView> => {
  const scope = await resolveDashboardScope(deps, actor, query);
  const now = deps.clock();
  const today = schoolDateOf(now);
  const figures = await dashboardStore(deps.db).figures(scope.scope, dashboardReferenceOf(deps.catalogue), today, now);
  const [roleFit, pipeline, gateway] = await Promise.all([
    roleFitFigures(deps, scope.scope, today),
    progressionPipeline(deps, scope, today, figures.headcount),
    gatewayReadiness(deps, scope.scope, today),
  ]);
  const progress: ProgressFigures = {
    roleFit,
    pipeline: { measured: pipeline.measured, byBand: pipeline.byBand, byRole: pipeline.byRole },
    gateway: { onProgramme: gateway.onProgramme, ready: gateway.ready },
  };
  const sections = await dashboardSections(scope, figures, progress, roleTitles(deps));
  const href = (filter: DashboardFilter) => peopleHref(scope, filter);
  const exportQuery = new URLSearchParams(scope.params).toString();
  return {
    scope: { kind: scope.kind, name: scope.name, schools: scope.schools, chosenSchoolId: scope.chosenSchoolId, params: scope.params },
    today,
    figures,
    progress,
    headline: [
      { label: 'Staff', value: count(figures.headcount), href: href({}) },
      { label: 'FTE', value: fte(figures.fte), href: href({}) },
      { label: 'With HLTA status', value: count(figures.hlta), href: href({ hlta: 'yes' }) },
      { label: 'Performing duties above their grade', value: count(roleFit.above), href: href({ roleFit: 'above' }) },
      { label: 'Ready for Gateway to Completion', value: count(gateway.ready), href: href({ gateway: 'ready' }) },
      { label: 'Evidence waiting for review', value: count(figures.evidence.items), href: href({ evidence: 'waiting' }) },
      {
        label: 'Required training in date',
        value: share(figures.training.inDate, figures.training.required),
        href: href({ training: 'in-date' }),
      },
    ],
    sections,
    can: { pickSchool: scope.schools.length > 0, downloadReport: scope.kind !== 'partnership' },
    exports: {
      csv: exportQuery ? `/insight/export.csv?${exportQuery}` : '/insight/export.csv',
      xlsx: exportQuery ? `/insight/export.xlsx?${exportQuery}` : '/insight/export.xlsx',
    },
    reports:
      scope.kind === 'partnership'
        ? null
        : {
            title: scope.kind === 'school' ? "Governors' workforce report" : 'Trust HR workforce report',
            countsHref: reportHref(scope.params, false),
            namesHref: reportHref(scope.params, true),
            trainingNeedsHref: `/insight/training-needs?${new URLSearchParams({ scope: scope.chosenSchoolId ?? scope.trustId ?? '' })}`,
          },
  };
};
