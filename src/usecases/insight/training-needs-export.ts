import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { type TrainingNeedsDeps, type TrainingNeedsQuery, trainingNeeds } from './training-needs.ts';

export type TrainingNeedsExportFormat = 'csv' | 'xlsx';
export type TrainingNeedsExport = { fileName: string; contentType: string; bytes: Uint8Array };

const HEADERS = [
  'Rank',
  'Need',
  'Kind',
  'People lacking it (whole scope)',
  'School',
  'People lacking it at the school',
  'Proposed cohort',
  'Cluster recommendation',
  'Suggested provision',
];

const contentTypes: Record<TrainingNeedsExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'scope';

/**
 * The training-needs analysis as CSV or XLSX: one row per need and school, every cell through
 * neutraliseFormula (a school named `=HYPERLINK(…)` must not run when the file is opened).
 * Needs `organisation.readInsight` on the scope, like the page.
 */
export const exportTrainingNeeds = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  query: TrainingNeedsQuery,
  format: TrainingNeedsExportFormat,
): Promise<TrainingNeedsExport> => {
  const analysis = await trainingNeeds(deps, actor, query);
  const rows = analysis.needs.flatMap((need, index) => {
    const provision = [
      ...need.provision.units.map((u) => `${u.code} — ${u.title}`),
      ...need.provision.qualifications.map((q) => `${q.id} — ${q.title}`),
      ...need.provision.nos.map((n) => n.label),
      ...need.provision.essentialTraining.map((e) => e.label),
    ].join('; ');
    const cluster = need.cohorts.cluster ? `${need.cohorts.cluster.size} people across ${need.cohorts.cluster.schoolCount} schools` : '';
    return need.bySchool.map((school) =>
      [
        index + 1,
        need.label,
        need.kind === 'item' ? 'Competency item' : 'Requirement',
        need.lacking,
        school.name,
        school.lacking,
        need.cohorts.schools.some((c) => c.organisationId === school.organisationId) ? 'Yes' : 'No',
        cluster,
        provision,
      ].map((cell) => neutraliseFormula(cell)),
    );
  });
  const base = `training-needs-${slug(analysis.scope.name)}`;
  if (format === 'csv') {
    const text = `\uFEFF${Papa.unparse([HEADERS, ...rows], { newline: '\r\n' })}\r\n`;
    return { fileName: `${base}.csv`, contentType: contentTypes.csv, bytes: new TextEncoder().encode(text) };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Training needs');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${base}.xlsx`, contentType: contentTypes.xlsx, bytes: new Uint8Array(buffer) };
};
