import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { AttachmentOwnerKind } from '../../contracts/portfolio/attachment.ts';
import { checkUpload } from '../../domain/attachments/accepted-files.ts';
import { cleanFileName, storedFileName } from '../../domain/attachments/file-name.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { type AttachmentOwner, attachments, type StoredAttachment } from '../../store/attachments.ts';
import { audit } from '../../store/audit.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { detectFileType } from '../../store/file-type.ts';
import type { Tables } from '../../store/tables.ts';
import { authorize } from '../authorize.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';

/** A file kept on a person's record, as pages, the API and exports see it. */
export type AttachmentSummary = Omit<StoredAttachment, 'trustId' | 'removedAt'>;

/** What a kept file is and whose, as its audit events record it; its summary adds the id and the upload. */
const auditView = (a: Omit<StoredAttachment, 'removedAt'>) => ({
  personId: a.personId,
  ownerKind: a.ownerKind,
  ownerId: a.ownerId,
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
});

const summaryOf = (a: StoredAttachment): AttachmentSummary => ({
  id: a.id,
  ...auditView(a),
  uploadedAt: a.uploadedAt,
  uploadedBy: a.uploadedBy,
});

/** Training records are kept by admins as well as the person; everything else only by the person. */
const changeActionFor = (ownerKind: AttachmentOwnerKind): Action =>
  ownerKind === 'training' ? 'person.recordTraining' : 'person.editPortfolio';

const personResource = (subject: ProgressionSubject) =>
  ({ type: 'person', trustId: subject.trustId, organisationId: subject.organisationId, personId: subject.id }) as const;

const signedIn = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

const notFound = (attachmentId: string) =>
  new AppError('not_found', 'No attachment has that id', [{ where: 'attachmentId', reason: `unknown attachment ${attachmentId}` }]);

/** The owner of a file must be the person's, and submitted evidence stays as it was decided on. */
const editableOwner = async (deps: PortfolioDeps, subject: ProgressionSubject, ownerKind: AttachmentOwnerKind, ownerId: string) => {
  const owner: AttachmentOwner | undefined = await attachments(deps.db).ownerBelongsTo(subject.trustId, subject.id, ownerKind, ownerId);
  if (!owner) {
    throw new AppError('not_found', 'There is no such record to attach a file to', [
      { where: 'ownerId', reason: `no ${ownerKind} ${ownerId} on this person's record` },
    ]);
  }
  if (owner.kind === 'evidence' && owner.status !== 'draft' && !owner.hasReturnedClaims) {
    throw new AppError('conflict', 'Submitted evidence cannot be changed until your manager returns a claim', [
      { where: 'ownerId', reason: `the evidence is ${owner.status}` },
    ]);
  }
};

/**
 * Attaches a file to one of a person's records (an achievement, evidence item, CPD activity or
 * training record). The type is decided by content, the size by the configured limit; a refused file
 * leaves nothing in the database. The bytes go to the file store, the row and its audit event in one
 * transaction.
 */
export const addAttachment = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  input: {
    personId: string;
    ownerKind: AttachmentOwnerKind;
    ownerId: string;
    fileName: string;
    bytes: Uint8Array;
    /** The upload was cut off at the size limit (the web and API routes stop reading there). */
    truncated?: boolean;
  },
): Promise<AttachmentSummary> => {
  const subject = await loadSubject(deps, actor, input.personId, changeActionFor(input.ownerKind));
  const user = signedIn(actor);
  await editableOwner(deps, subject, input.ownerKind, input.ownerId);
  const typedName = cleanFileName(input.fileName);
  const checked = checkUpload({
    detected: input.bytes.byteLength > 0 && !input.truncated ? await detectFileType(input.bytes) : undefined,
    sizeBytes: input.bytes.byteLength,
    maxBytes: deps.config.attachmentMaxBytes,
    fileName: typedName,
    truncated: input.truncated ?? false,
  });
  if (!checked.ok) throw new AppError('validation', checked.reason, [{ where: 'file', reason: checked.reason }]);
  const fileName = storedFileName(typedName, checked.file);
  const stored = await deps.files.put(input.bytes);
  const attachment: Omit<StoredAttachment, 'removedAt'> = {
    id: newIdOf(deps),
    trustId: subject.trustId,
    personId: subject.id,
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    fileName,
    mediaType: checked.file.mediaType,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    uploadedAt: deps.clock(),
    uploadedBy: user.userId,
  };
  await deps.db.transaction().execute(async (trx) => {
    await attachments(trx).insert(attachment);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'attachment.added',
      entity: 'attachment',
      entityId: attachment.id,
      data: { before: null, after: auditView(attachment) },
      requestId: deps.requestId ?? null,
    });
  });
  return summaryOf({ ...attachment, removedAt: null });
};

/**
 * Authorizes changing some of a person's files before anything else is read (the upload body, an
 * attachment id): the person themselves, or an admin who keeps their training records. Refusals are
 * audited; the exact action for the record is checked again when the record is known.
 */
export const mayChangeAttachments = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<{ subject: ProgressionSubject; user: Actor }> => {
  // Everyone who may change a person's records (themselves, admins for training) may read them.
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const user = signedIn(actor);
  const resource = personResource(subject);
  if (!can(user, 'person.editPortfolio', resource).allowed && !can(user, 'person.recordTraining', resource).allowed) {
    await authorize(deps, user, 'person.editPortfolio', resource);
  }
  return { subject, user };
};

/**
 * Removes an attachment from a person's record (the row is kept, marked removed). The actor must be
 * able to change some of the person's records before the attachment is even looked up, so a refused
 * actor learns nothing about which ids exist.
 */
export const removeAttachment = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  attachmentId: string,
): Promise<void> => {
  const { subject, user } = await mayChangeAttachments(deps, actor, personId);
  const resource = personResource(subject);
  const found = await attachments(deps.db).find(subject.trustId, attachmentId);
  if (!found || found.personId !== subject.id || found.removedAt) throw notFound(attachmentId);
  await authorize(deps, user, changeActionFor(found.ownerKind), resource);
  await editableOwner(deps, subject, found.ownerKind, found.ownerId);
  const removedAt = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await attachments(trx).markRemoved(subject.trustId, found.id, removedAt);
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: user.userId,
      action: 'attachment.removed',
      entity: 'attachment',
      entityId: found.id,
      data: { before: auditView(found), after: null },
      requestId: deps.requestId ?? null,
    });
  });
};

/**
 * Opens an attachment for download: the actor must be able to read the person's portfolio first;
 * then only that person's own attachments are found (another person's or trust's id is not found).
 */
export const openAttachment = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  attachmentId: string,
): Promise<{ summary: AttachmentSummary; stream: Readable }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const found = await attachments(deps.db).find(subject.trustId, attachmentId);
  if (!found || found.personId !== subject.id || found.removedAt) throw notFound(attachmentId);
  return { summary: summaryOf(found), stream: deps.files.stream(found.sha256) };
};

/**
 * The attachments of some records, by record id (every id asked for has an entry). No permission
 * check: callers have already authorized the page or export that shows them.
 */
export const attachmentsOf = async (
  db: Kysely<Tables>,
  trustId: string,
  ownerKind: AttachmentOwnerKind,
  ownerIds: readonly string[],
): Promise<Map<string, AttachmentSummary[]>> => {
  const byOwner = new Map<string, AttachmentSummary[]>(ownerIds.map((id) => [id, []]));
  for (const a of await attachments(db).listForOwners(trustId, ownerKind, ownerIds)) byOwner.get(a.ownerId)?.push(summaryOf(a));
  return byOwner;
};

/** The bytes of an attachment the caller has already authorized (the HLTA evidence file, exports). */
export const readAttachmentBytes = (deps: Pick<PortfolioDeps, 'files'>, summary: AttachmentSummary): Promise<Uint8Array> =>
  deps.files.read(summary.sha256);
