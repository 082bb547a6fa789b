import type { NewTrainingKind, TrainingKindChange, TrainingRecordInput, TrainingViewQuery } from '../../../contracts/portfolio/training.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { defaultTrainingKinds } from '../../../domain/training/default-training-kinds.ts';
import { daysBetween } from '../../../domain/training/expiry.ts';
import { type AttachmentSummary, attachmentsOf } from '../attachments.ts';
import type { PortfolioDeps } from '../deps.ts';
import { authorizeRecordingTraining, personTraining, recordTraining, schoolTraining } from '../training.ts';
import { addTrainingKind, retireTrainingKind, trainingKindsOf, updateTrainingKind } from '../training-kinds.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

/** A person's training page: each kind's standing and history, with the files on each record. */
export type PersonTrainingPage = Awaited<ReturnType<typeof personTraining>> & { files: Map<string, AttachmentSummary[]> };

/**
 * A person's training page. `forRecording`: the page re-shown with a refused form, so an actor who
 * may only read it is refused (as the save would be) rather than shown the form's errors.
 */
export const personTrainingPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  options: { forRecording?: boolean } = {},
): Promise<PersonTrainingPage> => {
  if (options.forRecording) await authorizeRecordingTraining(deps, actor, personId);
  const shown = await personTraining(deps, actor, personId);
  const recordIds = shown.kinds.flatMap((k) => k.history.map((r) => r.id));
  return { ...shown, files: await attachmentsOf(deps.db, shown.person.trustId, 'training', recordIds) };
};

/** Records a completion, or the person's training page to show the refusal on. */
export const recordTrainingOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  input: TrainingRecordInput,
): Promise<FormOutcome<unknown, PersonTrainingPage>> =>
  savedOrPage(
    () => recordTraining(deps, actor, personId, input),
    () => personTrainingPage(deps, actor, personId, { forRecording: true }),
  );

/** A school's training view, each listed cell with the days left before it expires (none for no expiry). */
export const schoolTrainingPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  organisationId: string,
  query: TrainingViewQuery,
) => {
  const view = await schoolTraining(deps, actor, organisationId, query);
  const shownKinds = view.kind ? [view.kind] : view.kinds;
  return {
    ...view,
    shownKinds,
    rows: view.rows.map((row) => ({
      ...row,
      cells: shownKinds.map((kind) => {
        const cell = row.cells[kind.id];
        return { kind, cell: cell ? { ...cell, daysLeft: cell.expiresOn ? daysBetween(view.today, cell.expiresOn) : undefined } : null };
      }),
    })),
  };
};

const guidanceOf = new Map(defaultTrainingKinds.map((k) => [k.code, k.guidance ?? null]));

/** The trust's training settings (trust admins): each kind with its source and, where one is cited in words, the guidance to link to. */
export const trainingSettingsPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, organisationId: string) => {
  const shown = await trainingKindsOf(deps, actor, organisationId);
  return { ...shown, kinds: shown.kinds.map((k) => ({ ...k, guidance: guidanceOf.get(k.code) ?? null })) };
};

type SettingsPage = Awaited<ReturnType<typeof trainingSettingsPage>>;

/** One change on the settings page: a kind added, retired or restored, or its period changed. */
export type TrainingKindCommand =
  | { action: 'add'; kind: NewTrainingKind }
  | { action: 'retire' | 'restore'; kindId: string }
  | { action: 'update'; kindId: string; change: TrainingKindChange };

/** Makes one change to the trust's training kinds, or the settings page to show the refusal on. */
export const changeTrainingKindOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  organisationId: string,
  command: TrainingKindCommand,
): Promise<FormOutcome<unknown, SettingsPage>> =>
  savedOrPage(
    async () => {
      // Authorizes first, so a refused actor never learns whether a kind exists.
      await trainingKindsOf(deps, actor, organisationId);
      switch (command.action) {
        case 'add':
          return addTrainingKind(deps, actor, organisationId, command.kind);
        case 'retire':
        case 'restore':
          return retireTrainingKind(deps, actor, organisationId, command.kindId, command.action === 'retire');
        case 'update':
          return updateTrainingKind(deps, actor, organisationId, command.kindId, command.change);
      }
    },
    () => trainingSettingsPage(deps, actor, organisationId),
  );
