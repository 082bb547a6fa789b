import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../adapters/pdf.ts';
import { AppError } from '../../contracts/errors.ts';
import type { EngagementFact } from '../../domain/partnerships/impact.ts';
import { type TermPeriod, termOf } from '../../domain/partnerships/terms.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { engagements as engagementStore } from '../../store/partnerships/engagements.ts';
import { loadPartnership, workResource } from './access.ts';
import type { PartnershipDeps } from './deps.ts';
import { loadDeploymentFor } from './engagements.ts';
import { factsOf } from './facts.ts';
import { impactView } from './impact-view.ts';
import { loadVisibleWork } from './visible-work.ts';

const TERM_ID = /^(\d{4})-([a-z0-9-]+)$/;

/** The term a report is for: `2026-autumn`, or the current term when none is asked for. */
const termFor = (deps: PartnershipDeps, termId: unknown): TermPeriod => {
  if (termId === undefined || termId === '') return termOf(deps.rules.terms, deps.clock().toISOString().slice(0, 10));
  const match = typeof termId === 'string' ? TERM_ID.exec(termId) : null;
  const term = match ? deps.rules.terms.find((t) => t.id === match[2]) : undefined;
  if (!match || !term)
    throw new AppError('validation', 'Check the term', [
      {
        where: 'term',
        reason: `Name a term as year and term, such as 2026-autumn (terms: ${deps.rules.terms.map((t) => t.id).join(', ')})`,
      },
    ]);
  return termOf(deps.rules.terms, `${match[1]}-${String(term.fromMonth).padStart(2, '0')}-01`);
};

/** The term before: the day before its first day. */
const termBefore = (deps: PartnershipDeps, term: TermPeriod): TermPeriod => {
  const d = new Date(`${term.start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return termOf(deps.rules.terms, d.toISOString().slice(0, 10));
};

const govukDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const change = (now: number, before: number) =>
  now === before ? 'no change' : now > before ? `up ${now - before}` : `down ${before - now}`;

const table = (header: string[], rows: (string | number)[][]): Content => ({
  table: {
    headerRows: 1,
    widths: header.map((_, i) => (i === 0 ? '*' : 'auto')),
    body: [header.map((h) => ({ text: h, bold: true })), ...rows.map((r) => r.map((c) => String(c)))],
  },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});

const reportOf = async (
  deps: PartnershipDeps,
  subject: string,
  audienceLine: string,
  facts: readonly EngagementFact[],
  term: TermPeriod,
) => {
  const previous = termBefore(deps, term);
  const [now, before] = await Promise.all([
    impactView(deps, facts, { from: term.start, to: term.end }, subject),
    impactView(deps, facts, { from: previous.start, to: previous.end }, subject),
  ]);
  const trend = await impactView(deps, facts, { from: termBefore(deps, previous).start, to: term.end }, subject);
  const p = now.report.partnership;
  const q = before.report.partnership;
  const document: TDocumentDefinitions = {
    info: { title: `${subject}: impact report, ${term.title}` },
    pageMargins: [40, 48, 40, 48],
    content: [
      { text: `${subject}: impact report`, fontSize: 18, bold: true },
      {
        text: `${term.title} (${govukDate(term.start)} to ${govukDate(term.end)}), compared with the ${previous.title.toLowerCase()}`,
        margin: [0, 4, 0, 4],
      },
      { text: audienceLine, italics: true, margin: [0, 0, 0, 12] },
      { text: 'Reach, breadth and depth', fontSize: 13, bold: true },
      table(
        ['Measure', term.title, previous.title, 'Change'],
        [
          ['Engagements', p.engagements, q.engagements, change(p.engagements, q.engagements)],
          ['Organisations reached', p.reach.organisations, q.reach.organisations, change(p.reach.organisations, q.reach.organisations)],
          ['Pupils in the audience', p.reach.pupils, q.reach.pupils, change(p.reach.pupils, q.reach.pupils)],
          ['Teachers in the audience', p.reach.teachers, q.reach.teachers, change(p.reach.teachers, q.reach.teachers)],
          ['Phases', p.breadth.phases.length, q.breadth.phases.length, change(p.breadth.phases.length, q.breadth.phases.length)],
          ['Sectors', p.breadth.sectors.length, q.breadth.sectors.length, change(p.breadth.sectors.length, q.breadth.sectors.length)],
          [
            'Kinds of partnership work',
            p.breadth.kinds.length,
            q.breadth.kinds.length,
            change(p.breadth.kinds.length, q.breadth.kinds.length),
          ],
          [
            'Repeat engagements with the same organisation',
            p.depth.repeatEngagements,
            q.depth.repeatEngagements,
            change(p.depth.repeatEngagements, q.depth.repeatEngagements),
          ],
        ],
      ),
      { svg: trend.termChart, width: 380, margin: [0, 0, 0, 8] },
      ...(now.kindCounts.length > 0 ? [{ svg: now.kindChart, width: 340, margin: [0, 0, 0, 8] } satisfies Content] : []),
      { text: 'Network influence', fontSize: 13, bold: true, pageBreak: 'before' },
      { text: 'Teachers (circles) and the organisations they worked with (squares) this term.', margin: [0, 4, 0, 4] },
      { svg: now.networkSvg, width: 480, margin: [0, 0, 0, 8] },
      table(
        ['Node', 'Links', 'Degree centrality', 'Betweenness'],
        now.report.nodes.map((n) => [`${n.name} (${n.side})`, n.degree, n.degreeCentrality.toFixed(3), n.betweenness.toFixed(3)]),
      ),
      { text: `Degree: ${now.report.normalisation.degree}.`, fontSize: 8 },
      { text: `Betweenness: ${now.report.normalisation.betweenness}.`, fontSize: 8, margin: [0, 2, 0, 0] },
    ],
  };
  return renderPdf(document);
};

export type ReportFile = { fileName: string; bytes: Uint8Array };

/** The termly impact report of a partnership (for heads, governors and trust directors), as far as the user may see its work. */
export const partnershipReport = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  termId: unknown,
): Promise<ReportFile> => {
  const { user, partnership } = await loadPartnership(deps, actor, partnershipId);
  const work = await loadVisibleWork(deps, user, partnership);
  const term = termFor(deps, termId);
  const bytes = await reportOf(
    deps,
    partnership.name,
    'For headteachers, governors and trust directors: the partnership’s reach across its organisations this term.',
    factsOf(work.engagements, work.allDeployments, work.partners),
    term,
  );
  return { fileName: `partnership-impact-${term.id}.pdf`, bytes };
};

/** The termly impact report of one deployed teacher. */
export const teacherReport = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
  termId: unknown,
): Promise<ReportFile> => {
  const { user, partnership, deployment, partners } = await loadDeploymentFor(deps, actor, partnershipId, deploymentId, 'engagement.read');
  const term = termFor(deps, termId);
  const visible = (await engagementStore(deps.db).listByPartnership(partnership.id)).filter(
    (e) =>
      e.deploymentId === deployment.id &&
      can(user, 'engagement.read', workResource(partnership, deployment.person, partners, [e.hostPartnerId])).allowed,
  );
  const bytes = await reportOf(
    deps,
    deployment.person.name,
    `For headteachers, governors and trust directors: ${deployment.person.name}’s partnership work in ${partnership.name} this term.`,
    factsOf(visible, [deployment], partners),
    term,
  );
  return { fileName: `teacher-impact-${term.id}.pdf`, bytes };
};
