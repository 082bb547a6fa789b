import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../adapters/pdf.ts';
import { AppError } from '../../contracts/errors.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { workforceDashboard } from './dashboard.ts';
import { allDashboardPeople } from './dashboard-people.ts';
import type { DashboardDeps, ScopeQuery } from './dashboard-scope.ts';

export type ReportQuery = ScopeQuery & { includeNames?: boolean };
export type ReportFile = { fileName: string; title: string; bytes: Uint8Array };

const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'workforce';

const table = (head: string[], rows: string[][]): Content => ({
  table: {
    headerRows: 1,
    widths: head.map((_, i) => (i === 0 ? '*' : 'auto')),
    body: [head.map((h) => ({ text: h, bold: true })), ...rows],
  },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});

/**
 * The workforce report as a PDF: the governors' report for a school, the HR report for a trust.
 * The same figures and charts as the dashboard (the charts embedded as the same server-drawn SVG),
 * with the organisation's name and the date. Counts only, unless names are asked for: then an
 * appendix lists the staff counted (the people the caller may see on the dashboard's own list).
 */
export const workforceReportPdf = async (deps: DashboardDeps, actor: Actor | Anonymous, query: ReportQuery): Promise<ReportFile> => {
  const view = await workforceDashboard(deps, actor, query);
  if (!view.can.downloadReport)
    throw new AppError('forbidden', 'Workforce reports are for a school or a trust; a partnership has its impact report instead');
  const kind = view.scope.kind === 'school' ? "Governors' workforce report" : 'Trust HR workforce report';
  const title = `${view.scope.name}: ${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
  const content: Content[] = [
    { text: view.scope.name, fontSize: 18, bold: true },
    { text: kind, fontSize: 14, margin: [0, 2, 0, 2] },
    { text: `Support staff in post on ${longDate(view.today)}.`, margin: [0, 0, 0, 4] },
    {
      text: query.includeNames
        ? 'This report names staff in its appendix: keep it confidential.'
        : 'Counts only: no one is named in this report.',
      italics: true,
      margin: [0, 0, 0, 12],
    },
    table(
      ['Measure', 'Figure'],
      view.headline.map((h) => [h.label, h.value]),
    ),
  ];
  for (const section of view.sections) {
    content.push(
      { text: section.title, fontSize: 13, bold: true, margin: [0, 8, 0, 2] },
      { text: section.summary, margin: [0, 0, 0, 4] },
      { svg: section.svg, width: 420, margin: [0, 0, 0, 4] },
      table(
        section.table.head,
        section.table.rows.map((row) => row.map((c) => c.text)),
      ),
    );
  }
  if (query.includeNames) {
    const { people: everyone } = await allDashboardPeople(deps, actor, { school: query.school, partnership: query.partnership });
    content.push(
      { text: 'Appendix: staff counted', fontSize: 13, bold: true, pageBreak: 'before' },
      table(
        ['Name', 'School', 'Graded role', 'HLTA status', 'Mandatory training'],
        everyone.map((p) => [p.name, p.school, p.role, p.hlta, p.training]),
      ),
    );
  }
  const document: TDocumentDefinitions = {
    info: { title },
    pageMargins: [40, 48, 40, 48],
    footer: (page, pages) => ({
      text: `${view.scope.name}, ${longDate(view.today)}: page ${page} of ${pages}`,
      fontSize: 8,
      margin: [40, 16, 40, 0],
    }),
    content,
  };
  return { fileName: `${slug(view.scope.name)}-workforce-${view.today}.pdf`, title, bytes: await renderPdf(document) };
};
