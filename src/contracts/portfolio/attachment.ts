import { z } from 'zod';

/** What an attachment can belong to. */
export const attachmentOwnerKinds = ['achievement', 'evidence', 'cpd', 'training'] as const;
export const AttachmentOwnerKind = z.enum(attachmentOwnerKinds, { error: 'Say what the file is attached to' });
export type AttachmentOwnerKind = z.infer<typeof AttachmentOwnerKind>;

/** The longest file name kept (longer names are cut, keeping the extension). */
export const FILE_NAME_MAX = 200;

/** The text fields that travel with an uploaded file (web form and API). */
export const AttachmentUploadFields = z.object({
  ownerKind: AttachmentOwnerKind,
  ownerId: z.uuid({ error: 'Say which record the file is attached to' }),
});
export type AttachmentUploadFields = z.infer<typeof AttachmentUploadFields>;

/** An attachment as the API returns it. */
export const AttachmentSummaryJson = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  ownerKind: AttachmentOwnerKind,
  ownerId: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: z.iso.datetime(),
  uploadedBy: z.uuid(),
});
export type AttachmentSummaryJson = z.infer<typeof AttachmentSummaryJson>;
