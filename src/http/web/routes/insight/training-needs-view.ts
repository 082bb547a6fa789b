import type { Catalogue } from '../../../../framework/catalogue.ts';
import type { AnalysedNeed } from '../../../../usecases/insight/training-needs.ts';
import type { TrainingNeedsPage } from '../../../../usecases/insight/training-needs-page.ts';
import { hrefOfCode } from '../../links.ts';

/** How many needs the page details (provision and cohorts); the table and the exports list them all. */
export const DETAILED_NEEDS = 10;
/** How many school cohorts a need lists on the page (the export has every school). */
export const LISTED_COHORTS = 10;

type Query = { scope?: string; target: string; minCluster?: number; people?: string[] };

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

const planHref = (query: Query, need: AnalysedNeed, school: string) =>
  `/insight/training-needs/plan?${new URLSearchParams({
    ...(query.scope ? { scope: query.scope } : {}),
    target: query.target,
    ...(query.minCluster ? { minCluster: String(query.minCluster) } : {}),
    ...(query.people ? { people: query.people.join(',') } : {}),
    need: need.key,
    school,
  }).toString()}`;

const provisionView = (need: AnalysedNeed, catalogue: Catalogue) => ({
  units: need.provision.units.map((u) => ({
    text: `${u.code} — ${u.title}`,
    of: u.qualificationTitle,
    href: hrefOfCode(catalogue, u.code),
  })),
  qualifications: need.provision.qualifications.map((q) => ({ text: q.title, href: hrefOfCode(catalogue, q.id) })),
  nos: need.provision.nos.map((n) => ({ text: n.label, href: hrefOfCode(catalogue, n.code) })),
  essentialTraining: need.provision.essentialTraining.map((e) => ({ text: e.label, href: hrefOfCode(catalogue, e.code) })),
  cpdSuggestions: need.provision.cpdSuggestions.map((s) => ({
    text: s.text,
    role: catalogue.title(s.roleId),
    href: `/roles/${encodeURIComponent(s.roleId)}`,
  })),
});

/** The page's data from the use-case's view model: words, numbers as text, and links to what the user may open. */
export const trainingNeedsView = (page: TrainingNeedsPage, query: Query, catalogue: Catalogue) => {
  const search = (over: Record<string, string>) =>
    new URLSearchParams({
      ...(query.scope ? { scope: query.scope } : {}),
      target: query.target,
      ...(query.minCluster ? { minCluster: String(query.minCluster) } : {}),
      ...(query.people ? { people: query.people.join(',') } : {}),
      ...over,
    }).toString();
  return {
    page,
    query,
    scopeItems: page.choices.scopes.map((s) => ({
      value: s.id,
      text: `${s.name}${s.kind === 'trust' ? ' (whole trust)' : s.kind === 'partnership' ? ' (partnership)' : ''}`,
      selected: s.id === page.scope.id,
    })),
    targetItems: page.choices.targets.map((t) => ({ value: t.id, text: t.title, selected: t.id === page.target.id })),
    measuredText: `${people(page.measured)} measured${page.leftOut > 0 ? `; ${people(page.leftOut)} left out (no graded role, or no level above theirs)` : ''}`,
    exports: { csv: `/insight/training-needs/export.csv?${search({})}`, xlsx: `/insight/training-needs/export.xlsx?${search({})}` },
    rows: page.needs.map((need, index) => ({
      rank: index + 1,
      label: need.label,
      anchor: index < DETAILED_NEEDS ? `need-${index + 1}` : null,
      kindText: need.kind === 'item' ? 'Competency item' : 'Requirement',
      lacking: need.lacking,
      schools: need.bySchool.length,
    })),
    details: page.needs.slice(0, DETAILED_NEEDS).map((need, index) => ({
      anchor: `need-${index + 1}`,
      rank: index + 1,
      label: need.label,
      href: need.code ? hrefOfCode(catalogue, need.code) : undefined,
      lackingText: `${people(need.lacking)} ${need.lacking === 1 ? 'lacks' : 'lack'} it`,
      bySchool: need.bySchool.slice(0, LISTED_COHORTS).map((s) => ({ name: s.name, lacking: s.lacking })),
      moreSchools: Math.max(0, need.bySchool.length - LISTED_COHORTS),
      provision: provisionView(need, catalogue),
      activity: need.activity,
      cohorts: need.cohorts.schools.slice(0, LISTED_COHORTS).map((c) => ({
        name: c.name,
        sizeText: people(c.size),
        planHref: need.plannable[c.organisationId] ? planHref(query, need, c.organisationId) : null,
      })),
      moreCohorts: Math.max(0, need.cohorts.schools.length - LISTED_COHORTS),
      cluster: need.cohorts.cluster
        ? {
            text: `${people(need.cohorts.cluster.size)} across ${need.cohorts.cluster.schoolCount} schools share this need: commission one unit for the cluster.`,
            planHref: need.cohorts.canPlanCluster ? planHref(query, need, 'cluster') : null,
          }
        : null,
    })),
  };
};
