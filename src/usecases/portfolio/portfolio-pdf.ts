import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../adapters/pdf.ts';
import type { PortfolioRecord } from '../../contracts/portfolio/record.ts';

const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;
const words = (value: string) => value.replace(/-/g, ' ');

const table = (headers: string[], rows: TableCell[][], widths: string[]): Content =>
  rows.length === 0
    ? { text: 'None recorded.', italics: true, margin: [0, 0, 0, 10] }
    : {
        table: { headerRows: 1, widths, body: [headers.map((h) => ({ text: h, bold: true })), ...rows] },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      };

const heading = (text: string): Content => ({ text, fontSize: 14, bold: true, margin: [0, 12, 0, 6] });

/**
 * The portfolio record as a document for people: achievements, judgements with the titles of the
 * evidence behind them, the CPD log with its yearly totals, reviews and training. Same data as the
 * JSON record, so the two exports never disagree.
 */
export const portfolioRecordPdf = (
  record: PortfolioRecord,
  describe: (details: Record<string, unknown>) => string,
  /** A competency item as "CODE — statement" (framework/item-label.ts). */
  label: (code: string) => string,
  options: { compress?: boolean } = {},
): Promise<Uint8Array> => {
  const { person } = record;
  const name = `${person.givenName} ${person.familyName}`;
  const evidenceTitle = new Map(record.evidence.map((e) => [e.id, e.title]));
  const content: Content[] = [
    { text: `Portfolio of ${name}`, fontSize: 20, bold: true },
    {
      text: [person.jobTitle, person.gradedRole, person.school.name].filter(Boolean).join(' · '),
      margin: [0, 2, 0, 2],
    },
    { text: `Exported ${record.exportedAt.slice(0, 10)} (schema version ${record.schemaVersion})`, color: '#505a5f', margin: [0, 0, 0, 8] },

    heading('Achievements'),
    table(
      ['Achievement', 'Date'],
      record.achievements.filter((a) => !a.removedAt).map((a) => [describe(a.details), a.achievedOn ?? '']),
      ['*', 'auto'],
    ),

    heading('Judgements'),
    table(
      ['Item', 'Judgement', 'Evidence'],
      record.judgements.map((j) => {
        const titles = [
          ...new Set(j.history.flatMap((h) => (h.evidenceId ? [h.evidenceTitle ?? evidenceTitle.get(h.evidenceId) ?? ''] : []))),
        ];
        return [
          label(j.itemCode),
          `${words(j.current.value)} (${j.current.judgedAt.slice(0, 10)}${j.current.source === 'observation' ? ', from observation' : ''})`,
          titles.filter(Boolean).join('; '),
        ];
      }),
      ['*', 'auto', '*'],
    ),

    heading('Evidence'),
    table(
      ['Title', 'Kind', 'Date', 'Claims'],
      record.evidence.map((e) => [
        e.title,
        words(e.kind),
        e.occurredOn,
        e.claims.map((c) => `${label(c.itemCode)} (${c.status})`).join('\n'),
      ]),
      ['*', 'auto', 'auto', '*'],
    ),

    heading('CPD log'),
    table(
      ['Academic year', 'Hours'],
      record.cpd.totalsByAcademicYear.map((t) => [t.academicYear, hours(t.minutes)]),
      ['auto', 'auto'],
    ),
    table(
      ['Activity', 'Kind', 'Date', 'Time'],
      record.cpd.activities.map((a) => [
        `${a.title}${a.provider ? ` (${a.provider})` : ''}${a.status === 'planned' ? ' (planned)' : ''}`,
        words(a.kind),
        a.occurredOn ?? '',
        hours(a.minutes),
      ]),
      ['*', 'auto', 'auto', 'auto'],
    ),

    heading('Performance reviews'),
    ...(record.reviews.length === 0
      ? [{ text: 'None recorded.', italics: true } satisfies Content]
      : record.reviews.map(
          (r): Content => ({
            stack: [
              { text: `${r.academicYear}: ${words(r.stage)}${r.outcome ? ` — ${r.outcome}` : ''}`, bold: true },
              { ul: r.objectives.map((o) => `${o.title}${o.itemCodes.length > 0 ? ` (${o.itemCodes.map(label).join('; ')})` : ''}`) },
              ...r.comments.map((c) => ({ text: `${words(c.stage)}, ${c.side}: ${c.body}`, margin: [0, 2, 0, 0] }) satisfies Content),
            ],
            margin: [0, 0, 0, 8],
          }),
        )),

    heading('Training'),
    table(
      ['Training', 'Completed', 'Expires'],
      record.training.map((t) => [t.kindTitle, t.completedOn, t.expiresOn ?? 'does not expire']),
      ['*', 'auto', 'auto'],
    ),
  ];
  return renderPdf({ info: { title: `Portfolio of ${name}` }, content }, options);
};
