import Papa from 'papaparse';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import { AppError } from '../../contracts/errors.ts';
import type { TrainingRecordInput, TrainingViewQuery } from '../../contracts/portfolio/training.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { expiryOf, type TrainingStatus, trainingStatusOn } from '../../domain/training/expiry.ts';
import { audit } from '../../store/audit.ts';
import { type TrainingCell, type TrainingCellStatus, type TrainingRecord, training } from '../../store/training.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { authorizeOnOrganisation, ensureTrainingKinds } from './training-kinds.ts';

type TrainingDeps = Pick<PortfolioDeps, 'db' | 'auditKey' | 'clock' | 'requestId' | 'newId' | 'catalogue'>;

/** Today's date where the schools are (England and Wales), as YYYY-MM-DD. */
export const todayOf = (clock: () => Date): string => schoolDateOf(clock());

/** Most people a school view lists at once (the counts cover everyone). */
export const schoolViewLimit = 500;

/** A person's training: for each active kind its latest completion, status on today and history. */
export const personTraining = async (deps: TrainingDeps, actor: Actor | Anonymous, personId: string) => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const trustId = subject.trustId;
  const kinds = await deps.db.transaction().execute((trx) => ensureTrainingKinds(trx, trustId, deps));
  const records = await training(deps.db).recordsOf(trustId, subject.id);
  const today = todayOf(deps.clock);
  const resource = { type: 'person', trustId, organisationId: subject.organisationId, personId: subject.id } as const;
  return {
    person: { id: subject.id, name: subject.name, trustId, organisationId: subject.organisationId },
    today,
    canRecord: actor.kind === 'user' && can(actor, 'person.recordTraining', resource).allowed,
    kinds: kinds
      .filter((k) => k.retiredAt === null || records.some((r) => r.kindId === k.id))
      .map((kind) => {
        const history = records.filter((r) => r.kindId === kind.id);
        const latest = history[0];
        const status: TrainingStatus = kind.retiredAt ? { status: 'not-required' } : trainingStatusOn(today, latest, kind);
        return { kind, latest: latest ?? null, status, history };
      }),
  };
};

/** May the actor record training for this person? For forms, so a refusal wins over a bad form. */
export const authorizeRecordingTraining = async (deps: TrainingDeps, actor: Actor | Anonymous, personId: string): Promise<void> => {
  await loadSubject(deps, actor, personId, 'person.recordTraining');
};

/** Records a completed course for a person; the expiry follows the kind's validity unless given. */
export const recordTraining = async (deps: TrainingDeps, actor: Actor | Anonymous, personId: string, input: TrainingRecordInput) => {
  const subject = await loadSubject(deps, actor, personId, 'person.recordTraining');
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  const today = todayOf(deps.clock);
  if (input.completedOn > today)
    throw new AppError('validation', 'The completion date cannot be in the future', [{ where: 'completedOn', reason: 'after today' }]);
  return deps.db.transaction().execute(async (trx) => {
    const kinds = await ensureTrainingKinds(trx, subject.trustId, deps);
    const kind = kinds.find((k) => k.id === input.kindId && k.retiredAt === null);
    if (!kind)
      throw new AppError('validation', 'Choose the training', [{ where: 'kindId', reason: 'not an active training kind of the trust' }]);
    const expiresOn = input.expiresOn ?? expiryOf(input.completedOn, kind.validityMonths);
    if (expiresOn !== null && expiresOn < input.completedOn)
      throw new AppError('validation', 'The expiry date must be on or after the completion date', [
        { where: 'expiresOn', reason: 'before completion' },
      ]);
    const record: TrainingRecord = {
      id: newIdOf(deps),
      trustId: subject.trustId,
      personId: subject.id,
      kindId: kind.id,
      completedOn: input.completedOn,
      expiresOn,
      provider: input.provider,
      recordedBy: actor.userId,
      recordedAt: deps.clock(),
    };
    await training(trx).insertRecord(record);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: actor.userId,
      action: 'training.recorded',
      entity: 'training_record',
      entityId: record.id,
      data: { after: { personId: subject.id, kind: kind.code, completedOn: record.completedOn, expiresOn, provider: record.provider } },
      requestId: deps.requestId ?? null,
      occurredAt: record.recordedAt,
    });
    return record;
  });
};

/** Removes a record made in error (kept in the table, marked removed). */
export const removeTraining = async (deps: TrainingDeps, actor: Actor | Anonymous, personId: string, recordId: string) => {
  const subject = await loadSubject(deps, actor, personId, 'person.recordTraining');
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  await deps.db.transaction().execute(async (trx) => {
    const store = training(trx);
    const record = /^[0-9a-f-]{36}$/i.test(recordId) ? await store.findRecord(subject.trustId, subject.id, recordId) : undefined;
    if (!record) throw new AppError('not_found', 'There is no such training record');
    const now = deps.clock();
    await store.removeRecord(subject.trustId, record.id, now);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: actor.userId,
      action: 'training.removed',
      entity: 'training_record',
      entityId: record.id,
      data: { before: { personId: subject.id, kindId: record.kindId, completedOn: record.completedOn, expiresOn: record.expiresOn } },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
  });
};

export type SchoolTrainingRow = {
  personId: string;
  name: string;
  cells: Record<string, { status: TrainingCellStatus; completedOn: string | null; expiresOn: string | null }>;
};

/** Groups the store's cells into one row per person. */
export const rowsOf = (cells: TrainingCell[]): SchoolTrainingRow[] => {
  const rows = new Map<string, SchoolTrainingRow>();
  for (const c of cells) {
    const row = rows.get(c.personId) ?? { personId: c.personId, name: `${c.givenName} ${c.familyName}`, cells: {} };
    row.cells[c.kindId] = { status: c.status, completedOn: c.completedOn, expiresOn: c.expiresOn };
    rows.set(c.personId, row);
  }
  return [...rows.values()];
};

/**
 * A school's (or, for the trust, every school's) view: who is out of date, missing a required kind,
 * or expiring within the window, with counts per status. SQL classifies; only the listed people's
 * cells come back.
 */
export const schoolTraining = async (deps: TrainingDeps, actor: Actor | Anonymous, organisationId: string, query: TrainingViewQuery) => {
  const organisation = await authorizeOnOrganisation(deps, actor, organisationId, 'organisation.readTraining');
  const trustId = organisation.trust_id;
  const kinds = (await deps.db.transaction().execute((trx) => ensureTrainingKinds(trx, trustId, deps))).filter((k) => k.retiredAt === null);
  const kind = query.kind ? kinds.find((k) => k.id === query.kind) : undefined;
  if (query.kind && !kind)
    throw new AppError('validation', 'Choose a training kind of the trust', [{ where: 'kind', reason: 'unknown kind' }]);
  const scope = { trustId, organisationId: organisation.kind === 'trust' ? null : organisation.id };
  const today = todayOf(deps.clock);
  const store = training(deps.db);
  const counts = await store.countsByStatus(scope, today, query.window);
  const cells = await store.peopleWith(scope, today, query.window, {
    statuses: ['expired', 'missing', 'expiring'],
    kindId: kind?.id ?? null,
    limit: schoolViewLimit,
  });
  return { organisation, today, window: query.window, kind: kind ?? null, kinds, counts, rows: rowsOf(cells) };
};

const statusWords: Record<TrainingCellStatus, string> = {
  missing: 'Missing',
  expired: 'Expired',
  expiring: 'Expiring',
  valid: 'Valid',
  'not-required': 'Not required',
};

/** The school view as CSV (one line per person and kind listed), formula-safe. */
export const schoolTrainingCsv = async (deps: TrainingDeps, actor: Actor | Anonymous, organisationId: string, query: TrainingViewQuery) => {
  const view = await schoolTraining(deps, actor, organisationId, query);
  const shownKinds = view.kind ? [view.kind] : view.kinds;
  const data = view.rows.flatMap((row) =>
    shownKinds.map((k) => {
      const cell = row.cells[k.id];
      return [row.name, k.title, cell ? statusWords[cell.status] : '', cell?.completedOn ?? '', cell?.expiresOn ?? ''].map(
        neutraliseFormula,
      );
    }),
  );
  const csv = Papa.unparse({ fields: ['Name', 'Training', 'Status', 'Completed on', 'Expires on'], data });
  return { fileName: `training-${view.today}-${view.window}-days.csv`, csv: `${csv}\r\n` };
};
