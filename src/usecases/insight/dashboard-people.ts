import type { EnrolmentStatus } from '../../domain/apprenticeships/enrolment.ts';
import { statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import { type DashboardFilter, filterInWords } from '../../domain/insight/dashboard-filter.ts';
import { dashboardReferenceOf, qualificationLevelName } from '../../domain/insight/dashboard-reference.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { type DashboardPerson, dashboardStore } from '../../store/insight/dashboard.ts';
import { roleTitles } from './dashboard.ts';
import { type FigureDetail, resolveFigureFilter } from './dashboard-figure-filter.ts';
import { type DashboardDeps, type ResolvedScope, resolveDashboardScope, type ScopeQuery } from './dashboard-scope.ts';
import { peopleHref } from './dashboard-section.ts';
import { type SpreadsheetFile, writeSpreadsheet } from './dashboard-spreadsheet.ts';

export const PEOPLE_PAGE_SIZE = 50;
/** The most rows one export holds: a whole generated trust (12,000 staff) fits. */
export const EXPORT_LIMIT = 50_000;

export type PeopleQuery = ScopeQuery & DashboardFilter & { page?: number };

const filterOf = (query: PeopleQuery): DashboardFilter => {
  const { school, partnership, page, ...filter } = query;
  // `school` is the scope for a trust admin; within a partnership it narrows the list to one member.
  return partnership && school ? { ...filter, school } : filter;
};

const describe = async (deps: DashboardDeps, actor: Actor | Anonymous, query: PeopleQuery) => {
  const scope = await resolveDashboardScope(deps, actor, query);
  const filter = filterOf(query);
  const roles = roleTitles(deps);
  const apprenticeship = query.apprenticeship;
  const heading = filterInWords(filter, {
    ...(filter.school ? { school: 'the chosen school' } : {}),
    ...(filter.role && filter.role !== 'none' ? { role: `${filter.role} (${roles.get(filter.role) ?? filter.role})` } : {}),
    ...(apprenticeship
      ? {
          apprenticeship:
            apprenticeship === 'live' ? 'not yet finished' : (statusNames[apprenticeship as EnrolmentStatus] ?? apprenticeship),
        }
      : {}),
    ...(filter.qualification !== undefined
      ? { qualification: qualificationLevelName(filter.qualification === 'none' ? null : filter.qualification) }
      : {}),
  });
  return { scope, filter, heading };
};

/** One person as the list and the exports show them. */
const rowOf = (p: DashboardPerson, today: string) => ({
  name: `${p.familyName}, ${p.givenName}`,
  school: p.organisationName,
  role: p.gradedRole ?? 'No graded role',
  jobTitle: p.jobTitle ?? '',
  hoursPerWeek: p.hoursPerWeek,
  hlta: p.hlta ? 'Yes' : 'No',
  highestQualification: qualificationLevelName(p.highestLevel),
  englishMaths: p.englishMaths ? 'Yes' : 'No',
  apprenticeship: p.enrolmentStatus ? (statusNames[p.enrolmentStatus as EnrolmentStatus] ?? p.enrolmentStatus) : '',
  evidenceWaiting: p.evidenceWaiting,
  waitingSince: p.waitingSince ? schoolDateOf(p.waitingSince) : null,
  training:
    p.trainingRequired === 0
      ? 'None required'
      : p.trainingOutOfDate
        ? 'Missing or expired'
        : p.nearestExpiryDays !== null
          ? `Expiring in ${p.nearestExpiryDays} days`
          : 'All in date',
  today,
});

/** The people of a filter, a page or all of them, with what the interpreters worked out about each. */
const listOf = async (deps: DashboardDeps, scope: ResolvedScope, filter: DashboardFilter, page: { limit: number; offset: number }) => {
  const now = deps.clock();
  const today = schoolDateOf(now);
  const figure = await resolveFigureFilter(deps, scope, filter, today);
  const { total, people } = await dashboardStore(deps.db).people(
    scope.scope,
    dashboardReferenceOf(deps.catalogue),
    today,
    now,
    filter,
    page,
    figure.resolved,
  );
  const details = await figure.details(people);
  return { today, total, people, details };
};

/** The detail cells of one person: the link is left out where the viewer reads figures only (a partnership). */
const detailCells = (details: FigureDetail[], p: DashboardPerson, links: boolean) =>
  details.map((d) => {
    const cell = d.of(p);
    return { text: cell.text, href: links ? (cell.href ?? null) : null };
  });

/**
 * The people behind one dashboard figure, a page at a time, in the same scope as the dashboard
 * (a school admin's list never holds anyone outside their school): the filter is applied in SQL to
 * the same facts the figure counted, so the list's total is the figure.
 */
export const dashboardPeople = async (deps: DashboardDeps, actor: Actor | Anonymous, query: PeopleQuery) => {
  const { scope, filter, heading } = await describe(deps, actor, query);
  const page = Math.max(1, query.page ?? 1);
  const { today, total, people, details } = await listOf(deps, scope, filter, {
    limit: PEOPLE_PAGE_SIZE,
    offset: (page - 1) * PEOPLE_PAGE_SIZE,
  });
  const listHref = peopleHref(scope, filter);
  // A partnership's coordinator reads the figures of member schools, not their staff records.
  const links = scope.kind !== 'partnership';
  return {
    scope: { kind: scope.kind, name: scope.name, params: scope.params },
    heading,
    total,
    page,
    pageSize: PEOPLE_PAGE_SIZE,
    detailHeads: details.map((d) => d.head),
    people: people.map((p) => ({
      ...rowOf(p, today),
      id: p.id,
      href: links ? `/people/${p.id}` : null,
      details: detailCells(details, p, links),
    })),
    listHref,
    dashboardHref: scope.params.school || scope.params.partnership ? `/insight?${new URLSearchParams(scope.params)}` : '/insight',
    exports: {
      csv: listHref.replace('/insight/people', '/insight/people.csv'),
      xlsx: listHref.replace('/insight/people', '/insight/people.xlsx'),
    },
  };
};

/** Everyone behind a figure (up to EXPORT_LIMIT), in one query, for exports and reports. */
export const allDashboardPeople = async (deps: DashboardDeps, actor: Actor | Anonymous, query: PeopleQuery) => {
  const { scope, filter, heading } = await describe(deps, actor, query);
  const { today, people, details } = await listOf(deps, scope, filter, { limit: EXPORT_LIMIT, offset: 0 });
  return {
    scope,
    heading,
    today,
    detailHeads: details.map((d) => d.head),
    people: people.map((p) => ({ ...rowOf(p, today), details: detailCells(details, p, false) })),
  };
};

export type PeopleExport = SpreadsheetFile;

const header = [
  'Name',
  'School',
  'Graded role',
  'Job title',
  'Hours a week',
  'HLTA status',
  'Highest qualification',
  'Level 2 English and maths',
  'Apprenticeship',
  'Evidence waiting',
  'Oldest waiting since',
  'Mandatory training',
];

/**
 * The whole list behind a figure as CSV or XLSX, in the list's scope, through the dashboard's
 * spreadsheet writer (every cell neutralised against formula injection).
 */
export const exportDashboardPeople = async (
  deps: DashboardDeps,
  actor: Actor | Anonymous,
  query: PeopleQuery,
  format: 'csv' | 'xlsx',
): Promise<PeopleExport> => {
  const { scope, heading, today, detailHeads, people } = await allDashboardPeople(deps, actor, query);
  return writeSpreadsheet(format, { baseName: `workforce-${today}`, sheetName: 'Staff' }, [
    { cells: [heading], kind: 'title' },
    { cells: [`${scope.name}, ${today}`] },
    { cells: [...header, ...detailHeads], kind: 'header' },
    ...people.map((r) => ({
      cells: [
        r.name,
        r.school,
        r.role,
        r.jobTitle,
        r.hoursPerWeek,
        r.hlta,
        r.highestQualification,
        r.englishMaths,
        r.apprenticeship,
        r.evidenceWaiting,
        r.waitingSince,
        r.training,
        ...r.details.map((d) => d.text),
      ],
    })),
  ]);
};
