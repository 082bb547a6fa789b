import type { AttachmentOwnerKind } from '../../../contracts/portfolio/attachment.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { addAttachment, mayChangeAttachments } from '../attachments.ts';
import type { PortfolioDeps } from '../deps.ts';
import { savedOrPage } from './outcome.ts';

/** An upload as the edge read it: the record it is for (null when the form could not be read) and the file, if one was chosen. */
export type ReadUpload = {
  owner: { ownerKind: AttachmentOwnerKind; ownerId: string } | null;
  file: { fileName: string; bytes: Uint8Array; truncated: boolean } | null;
};

/** Why an upload was not kept, in words for the owning page's error summary, and the record it was for. */
export type UploadRefusal = { message: string; ownerId?: string };

/**
 * Attaches an uploaded file to one of a person's records. The person is checked before the upload is
 * read (`read` is called only then), so a refused actor is told so before anything about the file.
 * Answers null when the file was kept, or what the person can put right.
 */
export const attachUpload = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  read: () => Promise<ReadUpload>,
): Promise<UploadRefusal | null> => {
  await mayChangeAttachments(deps, actor, personId);
  const { owner, file } = await read();
  // Only a hand-made request lacks the record; the page still gets a message rather than an error page.
  if (!owner) return { message: 'The upload could not be read: choose the file again' };
  if (!file) return { message: 'Select a file to attach', ownerId: owner.ownerId };
  const outcome = await savedOrPage(
    () => addAttachment(deps, actor, { personId, ...owner, ...file }),
    async () => null,
  );
  return outcome.saved ? null : { message: outcome.refusal.message, ownerId: owner.ownerId };
};
