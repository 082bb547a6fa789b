import type { ImpactPeriod } from '../../contracts/partnerships.ts';
import type { EngagementFact } from '../../domain/partnerships/impact.ts';
import { networkImpact, termOnTerm } from '../../domain/partnerships/impact-report.ts';
import { kindName } from '../../domain/partnerships/kinds.ts';
import { termOf } from '../../domain/partnerships/terms.ts';
import { engagementsByKindChart, engagementsByTermChart } from './charts.ts';
import type { PartnershipDeps } from './deps.ts';
import { drawNetwork } from './network-drawing.ts';

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The period shown when none is asked for: the current school term and the two before it. */
export const defaultPeriod = (deps: PartnershipDeps): { from: string; to: string } => {
  const current = termOf(deps.rules.terms, deps.clock().toISOString().slice(0, 10));
  const before = termOf(deps.rules.terms, dayBefore(current.start));
  return { from: termOf(deps.rules.terms, dayBefore(before.start)).start, to: current.end };
};

/**
 * Impact for a period as a page or report shows it: figures, the network (SVG and its table), the
 * term-on-term change, and charts drawn on the server.
 */
export const impactView = async (deps: PartnershipDeps, facts: readonly EngagementFact[], period: ImpactPeriod, title: string) => {
  const chosen = { from: period.from ?? defaultPeriod(deps).from, to: period.to ?? defaultPeriod(deps).to };
  const report = networkImpact(facts, chosen);
  const terms = chosen.from <= chosen.to ? termOnTerm(facts, deps.rules.terms, chosen.from, chosen.to) : [];
  const kinds = [...new Set(facts.filter((f) => f.occurredOn >= chosen.from && f.occurredOn <= chosen.to).map((f) => f.kind))];
  const kindCounts = kinds
    .map((k) => ({
      kind: kindName(deps.kinds, k),
      engagements: facts.filter((f) => f.kind === k && f.occurredOn >= chosen.from && f.occurredOn <= chosen.to).length,
    }))
    .sort((a, b) => b.engagements - a.engagements || a.kind.localeCompare(b.kind));
  const [termChart, kindChart] = await Promise.all([
    engagementsByTermChart(
      terms.map((t) => ({
        term: t.term.title,
        engagements: t.summary.engagements,
        pupils: t.summary.reach.pupils,
        teachers: t.summary.reach.teachers,
      })),
      'Engagements a term',
    ),
    engagementsByKindChart(kindCounts, 'Engagements by kind'),
  ]);
  return {
    period: chosen,
    report,
    terms,
    kindCounts,
    networkSvg: drawNetwork(report, { title: `${title}: the teacher–organisation network`, id: 'network' }),
    termChart,
    kindChart,
  };
};
export type ImpactView = Awaited<ReturnType<typeof impactView>>;
