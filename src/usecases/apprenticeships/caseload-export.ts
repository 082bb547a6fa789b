import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import { type Caseload, type CaseloadRow, gatewayStateNames, offTheJobStateNames } from './caseload.ts';

/** A caseload (or an employer's apprentices) as CSV or XLSX, in the order and with the filters shown, every page, formula-safe. */

export type CaseloadExport = { fileName: string; contentType: string; bytes: Uint8Array };

const HEADERS = [
  'Apprentice',
  'Employer',
  'Training provider',
  'Programme',
  'Programme code',
  'Option',
  'Status',
  'Start date',
  'Planned end date',
  'KSBs met',
  'KSBs recognised as prior learning',
  'KSBs in scope',
  'KSB coverage %',
  'Off-the-job status',
  'Off-the-job approved hours',
  'Off-the-job planned hours to date',
  'Off-the-job minimum hours',
  'Next review due',
  'Review overdue',
  'Gateway to Completion',
  'Gateway items unmet',
];

const cells = (r: CaseloadRow): (string | number | null)[] => [
  r.personName,
  r.employerName,
  r.providerName,
  r.programme.title,
  r.programme.id,
  r.option ? `${r.option.title} (${r.option.code})` : null,
  r.statusName,
  r.startDate,
  r.plannedEndDate,
  r.coverage?.met ?? null,
  r.coverage?.recognised ?? null,
  r.coverage?.total ?? null,
  r.coverage?.percent ?? null,
  offTheJobStateNames[r.offTheJob.state],
  r.offTheJob.approvedHours,
  r.offTheJob.plannedHours,
  r.offTheJob.minimumHours,
  r.nextReview.dueDate,
  r.nextReview.overdue ? 'Yes' : 'No',
  gatewayStateNames[r.gateway.state],
  r.gateway.unmet,
];

export const exportCaseload = async (caseload: Caseload, format: 'csv' | 'xlsx', base: string): Promise<CaseloadExport> => {
  const rows = caseload.matching.map((r) => cells(r).map((c) => neutraliseFormula(c)));
  const name = `${base}-${caseload.today}`;
  if (format === 'csv') {
    const text = `\uFEFF${Papa.unparse([HEADERS, ...rows], { newline: '\r\n' })}\r\n`;
    return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(text) };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Apprentices');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: new Uint8Array(buffer),
  };
};
