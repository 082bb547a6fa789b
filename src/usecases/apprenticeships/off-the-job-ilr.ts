import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import { AppError } from '../../contracts/errors.ts';
import { mayOnEnrolment } from '../../domain/apprenticeships/enrolment-parties.ts';
import { breaksOf } from '../../domain/apprenticeships/enrolment-status.ts';
import { offTheJobStatus } from '../../domain/apprenticeships/off-the-job-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { offTheJobLog } from '../../store/apprenticeships/off-the-job.ts';
import { audit } from '../../store/audit.ts';
import { type ApprenticeshipDeps, apprenticeshipRules, fixedMinimumOf, todayOf, userOf } from './off-the-job-access.ts';

/**
 * The provider's ILR return of off-the-job hours: for each enrolment with the assessor's providers,
 * the hours counted once up to the end of the practical period (`OTJActHours`, whole hours) and the
 * planned minimum (`PHours`), with the ILR's column names. Pathways holds no learner reference
 * number (`LearnRefNumber`, the provider's own), so that column is left for the provider's system.
 */

export const ilrColumns = [
  'LearnRefNumber',
  'FamilyName',
  'GivenNames',
  'LearnStartDate',
  'LearnPlanEndDate',
  'PHours',
  'OTJActHours',
  'PracticalPeriodEnded',
  'Programme',
  'Employer',
  'PathwaysEnrolmentId',
] as const;

export type IlrRow = Record<(typeof ilrColumns)[number], string>;

export const otjActHoursExport = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous): Promise<IlrRow[]> => {
  const user = userOf(actor);
  const store = enrolments(deps.db);
  const providerIds = await store.providerIdsOfAssessor(user.userId);
  if (providerIds.length === 0) throw new AppError('forbidden', 'Only a training provider’s assessors export the ILR off-the-job hours');
  const list = (await store.listForProviders(providerIds)).filter((e) => mayOnEnrolment(actor, 'enrolment.read', e));
  const histories = await store.histories(list.map((e) => e.id));
  const rules = await apprenticeshipRules();
  const today = todayOf(deps);
  const log = offTheJobLog(deps.db);
  const rows: IlrRow[] = [];
  for (const enrolment of list) {
    const programme = programmeById(deps.catalogue, enrolment.programme);
    const [entries, evidence] = await Promise.all([
      log.list(enrolment.trustId, enrolment.id),
      log.evidenceTime(enrolment.trustId, enrolment.personId, enrolment.startDate),
    ]);
    const status = offTheJobStatus(rules, {
      startDate: enrolment.startDate,
      plannedEndDate: enrolment.plannedEndDate,
      contractedHoursPerWeek: enrolment.contractedHoursPerWeek,
      priorLearningHours: enrolment.priorLearningHours,
      fixedMinimum: fixedMinimumOf({ enrolment, programme }),
      breaks: breaksOf(histories.get(enrolment.id) ?? []),
      entries,
      evidence,
      today,
    });
    const [given, ...family] = enrolment.personName.split(' ');
    rows.push({
      LearnRefNumber: '',
      FamilyName: family.join(' '),
      GivenNames: given ?? '',
      LearnStartDate: enrolment.startDate,
      LearnPlanEndDate: enrolment.plannedEndDate,
      PHours: status.minimum.ok ? String(status.minimum.minimumHours) : '',
      OTJActHours: String(status.hoursAtEnd),
      PracticalPeriodEnded: status.ended ? 'yes' : 'no',
      Programme: programme?.title ?? enrolment.programme,
      Employer: enrolment.employerName,
      PathwaysEnrolmentId: enrolment.id,
    });
  }
  await audit(deps.db, deps.auditKey).record({
    trustId: null,
    actor: user.userId,
    action: 'offTheJob.exported',
    entity: 'provider',
    entityId: providerIds.join(','),
    data: { enrolments: rows.length },
    requestId: deps.requestId ?? null,
  });
  return rows;
};

/** The export as a CSV file (UTF-8 with a byte-order mark, formula-safe cells), for the provider's ILR. */
export const otjActHoursCsv = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous): Promise<{ fileName: string; text: string }> => {
  const rows = await otjActHoursExport(deps, actor);
  const table = [[...ilrColumns], ...rows.map((r) => ilrColumns.map((c) => String(neutraliseFormula(r[c]))))];
  return { fileName: `otj-act-hours-${todayOf(deps)}.csv`, text: `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}\r\n` };
};
