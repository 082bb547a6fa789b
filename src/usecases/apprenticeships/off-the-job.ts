import {
  EvidenceTimeInput,
  OffTheJobDecisionInput,
  OffTheJobEntryInput,
  type OffTheJobSummary,
} from '../../contracts/apprenticeships/off-the-job.ts';
import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { mayOnEnrolment } from '../../domain/apprenticeships/enrolment-parties.ts';
import { type KsbCoverageItem, ksbCoverage } from '../../domain/apprenticeships/ksb-coverage.ts';
import { entryChangeProblem, entryDateProblem, hoursOf, selfDecisionProblem } from '../../domain/apprenticeships/off-the-job-log.ts';
import { type OffTheJobStatus, offTheJobStatus } from '../../domain/apprenticeships/off-the-job-status.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { ITEM_LABEL_SEPARATOR } from '../../framework/item-label.ts';
import { type OffTheJobActivity, readOffTheJobActivities } from '../../framework/off-the-job-activities.ts';
import { type EvidenceChoice, offTheJobLog, type StoredOffTheJobEntry } from '../../store/apprenticeships/off-the-job.ts';
import { audit } from '../../store/audit.ts';
import {
  type ApprenticeshipDeps,
  apprenticeshipRules,
  fixedMinimumOf,
  type LoadedEnrolment,
  loadEnrolment,
  newIdOf,
  userOf,
} from './off-the-job-access.ts';

/**
 * The off-the-job training log of an enrolment: the apprentice (or the provider) logs time, the
 * provider's assessor approves it or returns it with feedback, evidence can record time too, and
 * every minute counts once. One transaction and one audit event per change.
 */

export const offTheJobHref = (enrolmentId: string) => `/enrolments/${enrolmentId}/off-the-job`;

/** A KSB as people see it: its code and statement together, never a bare code. */
export type KsbChoice = { code: string; label: string };

const shortCode = (code: string) => code.replace(/^[A-Z]+\d+\./, '');
export const ksbChoicesOf = (items: readonly Pick<KsbCoverageItem, 'code' | 'text'>[]): KsbChoice[] =>
  items.map((i) => ({ code: i.code, label: `${i.code}${ITEM_LABEL_SEPARATOR}${i.text}` }));

/** The enrolment's KSBs in scope (core and its option), or none where its programme has no KSBs. */
export const ksbsInScope = (deps: ApprenticeshipDeps, loaded: LoadedEnrolment): KsbCoverageItem[] => {
  if (!loaded.programme) return [];
  const coverage = ksbCoverage(deps.catalogue, {
    framework: loaded.programme.frameworkId,
    ...(loaded.enrolment.optionCode ? { option: loaded.enrolment.optionCode } : {}),
    evidence: {},
  });
  return coverage.ok ? coverage.items : [];
};

export type OffTheJobEntryView = StoredOffTheJobEntry & {
  hours: number;
  activityTitle: string;
  ksbs: KsbChoice[];
  evidence: { id: string; title: string }[];
  can: { edit: boolean; decide: boolean };
};

export type OffTheJobPage = {
  enrolment: LoadedEnrolment['enrolment'];
  programmeTitle: string;
  today: string;
  status: OffTheJobStatus;
  entries: OffTheJobEntryView[];
  activities: OffTheJobActivity[];
  notCounted: string[];
  ksbChoices: KsbChoice[];
  evidenceChoices: EvidenceChoice[];
  /** Evidence marked as off-the-job, and how its time counts. */
  evidenceTime: {
    evidenceId: string;
    title: string;
    occurredOn: string;
    hours: number;
    counts: 'on its own' | 'through an entry' | 'when accepted';
  }[];
  can: { log: boolean; decide: boolean };
};

const statusOf = async (deps: ApprenticeshipDeps, loaded: LoadedEnrolment, entries: readonly StoredOffTheJobEntry[]) => {
  const { enrolment } = loaded;
  const evidence = await offTheJobLog(deps.db).evidenceTime(enrolment.trustId, enrolment.personId, enrolment.startDate);
  const status = offTheJobStatus(await apprenticeshipRules(), {
    startDate: enrolment.startDate,
    plannedEndDate: enrolment.plannedEndDate,
    contractedHoursPerWeek: enrolment.contractedHoursPerWeek,
    priorLearningHours: enrolment.priorLearningHours,
    fixedMinimum: fixedMinimumOf(loaded),
    breaks: loaded.breaks,
    entries,
    evidence,
    today: loaded.today,
  });
  return { status, evidence };
};

/** The off-the-job page of an enrolment (enrolment.read). */
export const readOffTheJob = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, enrolmentId: string): Promise<OffTheJobPage> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.read');
  const { enrolment } = loaded;
  const log = offTheJobLog(deps.db);
  const [stored, choices, data] = await Promise.all([
    log.list(enrolment.trustId, enrolment.id),
    log.evidenceChoices(enrolment.trustId, enrolment.personId),
    readOffTheJobActivities(),
  ]);
  const { status, evidence } = await statusOf(deps, loaded, stored);
  const ksbs = ksbChoicesOf(ksbsInScope(deps, loaded));
  const ksbLabel = new Map(ksbs.map((k) => [k.code, k]));
  const titleOf = new Map(choices.map((c) => [c.id, c.title]));
  const activityTitle = new Map(data.activities.map((a) => [a.id, a.title]));
  const canLog = mayOnEnrolment(actor, 'enrolment.logOffTheJob', enrolment);
  const canDecide = mayOnEnrolment(actor, 'enrolment.approveOffTheJob', enrolment);
  const user = actor.kind === 'user' ? actor.userId : '';
  const covered = new Set(status.count.coveredByEntries.map((c) => c.evidenceId));
  const countedEvidence = new Set(status.count.counted.filter((c) => c.source === 'evidence').map((c) => c.id));
  return {
    enrolment,
    programmeTitle: loaded.programme?.title ?? enrolment.programme,
    today: loaded.today,
    status,
    entries: stored.map((e) => ({
      ...e,
      hours: hoursOf(e.minutes),
      activityTitle: activityTitle.get(e.activity) ?? e.activity,
      ksbs: e.ksbCodes.map((code) => ksbLabel.get(code) ?? { code, label: `${code} (no longer in this enrolment’s scope)` }),
      evidence: e.evidenceIds.map((id) => ({ id, title: titleOf.get(id) ?? 'Evidence no longer in the portfolio' })),
      can: {
        edit: canLog && !entryChangeProblem(e.status, 'edit'),
        decide: canDecide && e.status === 'submitted' && !selfDecisionProblem(e, user),
      },
    })),
    activities: data.activities,
    notCounted: data.notCounted,
    ksbChoices: ksbs,
    evidenceChoices: choices,
    evidenceTime: evidence.map((e) => ({
      evidenceId: e.evidenceId,
      title: e.title,
      occurredOn: e.occurredOn,
      hours: hoursOf(e.minutes),
      counts: covered.has(e.evidenceId) ? 'through an entry' : countedEvidence.has(e.evidenceId) ? 'on its own' : 'when accepted',
    })),
    can: { log: canLog, decide: canDecide },
  };
};

const invalid = (message: string, where: string, reason: string) => new AppError('validation', message, [{ where, reason }]);

/** Parses and checks an entry against the enrolment: its date, the activity list, the KSBs in scope and the apprentice's evidence. */
const checkedEntry = async (
  deps: ApprenticeshipDeps,
  loaded: LoadedEnrolment,
  input: unknown,
  status: Pick<OffTheJobStatus, 'practicalPeriodEnd'>,
) => {
  const parsed = OffTheJobEntryInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the off-the-job entry', detailsFromZod(parsed.error));
  const entry = parsed.data;
  const dateProblem = entryDateProblem(entry.date, {
    startDate: loaded.enrolment.startDate,
    endDate: status.practicalPeriodEnd,
    breaks: loaded.breaks,
    today: loaded.today,
  });
  if (dateProblem) throw invalid('Check the date of the training', '$.date', dateProblem.message);
  const { activities } = await readOffTheJobActivities();
  if (!activities.some((a) => a.id === entry.activity))
    throw invalid('Choose the kind of training', '$.activity', 'Choose the kind of training from the list');
  const scope = new Set(ksbsInScope(deps, loaded).map((k) => k.code));
  const outside = entry.ksbCodes.filter((c) => !scope.has(c));
  if (outside.length > 0)
    throw invalid('Choose KSBs from the list', '$.ksbCodes', `Not in this apprenticeship’s KSBs: ${outside.map(shortCode).join(', ')}`);
  const own = new Set((await offTheJobLog(deps.db).evidenceChoices(loaded.enrolment.trustId, loaded.enrolment.personId)).map((e) => e.id));
  if (entry.evidenceIds.some((id) => !own.has(id)))
    throw invalid('Choose evidence from the list', '$.evidenceIds', 'Link evidence from the apprentice’s own portfolio');
  return {
    date: entry.date,
    minutes: Math.round(entry.hours * 60),
    activity: entry.activity,
    description: entry.description,
    ksbCodes: entry.ksbCodes,
    evidenceIds: entry.evidenceIds,
  };
};

/** Logs an off-the-job entry for the apprentice; it waits for the provider's approval. Returns its id. */
export const logOffTheJob = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  input: unknown,
): Promise<string> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.logOffTheJob');
  const user = userOf(actor);
  const { status } = await statusOf(deps, loaded, []);
  const fields = await checkedEntry(deps, loaded, input, status);
  const { enrolment } = loaded;
  const id = newIdOf(deps);
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await offTheJobLog(trx).insert({ id, trustId: enrolment.trustId, enrolmentId: enrolment.id, createdBy: user.userId, at, ...fields });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'offTheJob.logged',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        entryId: id,
        before: null,
        after: { ...fields, hours: hoursOf(fields.minutes), status: 'submitted' },
      },
      requestId: deps.requestId ?? null,
    });
  });
  return id;
};

/** Changes an entry that is not approved yet; it goes (back) to the provider. */
export const updateOffTheJobEntry = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  entryId: string,
  input: unknown,
): Promise<void> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.logOffTheJob');
  const user = userOf(actor);
  const { status } = await statusOf(deps, loaded, []);
  const fields = await checkedEntry(deps, loaded, input, status);
  const { enrolment } = loaded;
  await deps.db.transaction().execute(async (trx) => {
    const log = offTheJobLog(trx);
    const entry = await log.find(enrolment.trustId, enrolment.id, entryId, { lock: true });
    if (!entry) throw new AppError('not_found', 'No off-the-job entry has that id');
    const problem = entryChangeProblem(entry.status, 'edit');
    if (problem) throw new AppError('conflict', problem);
    await log.update(enrolment.trustId, entryId, fields, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'offTheJob.updated',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        entryId,
        before: { date: entry.date, minutes: entry.minutes, activity: entry.activity, status: entry.status },
        after: { date: fields.date, minutes: fields.minutes, activity: fields.activity, status: 'submitted' },
      },
      requestId: deps.requestId ?? null,
    });
  });
};

/** The provider's assessor approves an entry's hours, or returns it with feedback. */
export const decideOffTheJobEntry = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  entryId: string,
  input: unknown,
): Promise<'approved' | 'returned'> => {
  const { enrolment } = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.approveOffTheJob');
  const user = userOf(actor);
  const parsed = OffTheJobDecisionInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the decision', detailsFromZod(parsed.error));
  const status = parsed.data.decision === 'approve' ? 'approved' : 'returned';
  await deps.db.transaction().execute(async (trx) => {
    const log = offTheJobLog(trx);
    const entry = await log.find(enrolment.trustId, enrolment.id, entryId, { lock: true });
    if (!entry) throw new AppError('not_found', 'No off-the-job entry has that id');
    const problem = entryChangeProblem(entry.status, parsed.data.decision) ?? selfDecisionProblem(entry, user.userId);
    if (problem) throw new AppError('conflict', problem);
    await log.decide(enrolment.trustId, entryId, { status, feedback: parsed.data.feedback ?? null, by: user.userId, at: deps.clock() });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: status === 'approved' ? 'offTheJob.approved' : 'offTheJob.returned',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        entryId,
        before: { status: entry.status },
        after: { status, minutes: entry.minutes, feedback: parsed.data.feedback ?? null },
      },
      requestId: deps.requestId ?? null,
    });
  });
  return status;
};

/** Records (or clears) time spent on a piece of the apprentice's evidence as off-the-job training. */
export const recordEvidenceTime = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  input: unknown,
): Promise<void> => {
  const { enrolment } = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.logOffTheJob');
  const user = userOf(actor);
  const parsed = EvidenceTimeInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the evidence time', detailsFromZod(parsed.error));
  const minutes = parsed.data.hours === null ? null : Math.round(parsed.data.hours * 60);
  await deps.db.transaction().execute(async (trx) => {
    const log = offTheJobLog(trx);
    const choice = (await log.evidenceChoices(enrolment.trustId, enrolment.personId)).find((e) => e.id === parsed.data.evidenceId);
    if (!choice) throw invalid('Choose evidence from the list', '$.evidenceId', 'Choose a piece of the apprentice’s own evidence');
    await log.setEvidenceMinutes(enrolment.trustId, choice.id, minutes);
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'offTheJob.evidenceTimeRecorded',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, evidenceId: choice.id, before: { minutes: choice.offTheJobMinutes }, after: { minutes } },
      requestId: deps.requestId ?? null,
    });
  });
};

/** One entry of the enrolment with the page it sits on, for its change form. */
export const readOffTheJobEntry = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  entryId: string,
): Promise<OffTheJobPage & { entry: OffTheJobEntryView }> => {
  const page = await readOffTheJob(deps, actor, enrolmentId);
  const entry = page.entries.find((e) => e.id === entryId);
  if (!entry) throw new AppError('not_found', 'No off-the-job entry has that id');
  if (!entry.can.edit)
    throw new AppError(page.can.log ? 'conflict' : 'forbidden', entryChangeProblem(entry.status, 'edit') ?? 'You cannot change this entry');
  return { ...page, entry };
};

/** The enrolment's off-the-job status as the API answers it (enrolment.read). */
export const offTheJobSummary = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
): Promise<OffTheJobSummary> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.read');
  const { status } = await statusOf(deps, loaded, await offTheJobLog(deps.db).list(loaded.enrolment.trustId, loaded.enrolment.id));
  const progress = status.progress;
  return {
    enrolmentId,
    rule: status.minimum.rule ?? null,
    minimumHours: status.minimum.ok ? status.minimum.minimumHours : null,
    reasons: status.minimum.reasons,
    approvedHours: status.approvedHours,
    awaitingHours: hoursOf(status.count.awaitingMinutes),
    plannedHoursToday: progress?.plannedHours ?? null,
    atRisk: progress?.atRisk ?? false,
    status: progress?.reason ?? (status.minimum.ok ? '' : status.minimum.message),
    practicalPeriodEnd: status.practicalPeriodEnd,
    otjActHours: status.hoursAtEnd,
  };
};
