import { z } from 'zod';
import { AttachmentSummaryJson } from '../../contracts/portfolio/attachment.ts';
import type { AttachmentSummary } from '../../usecases/portfolio/attachments.ts';

/** Request and response contracts of the attachments API. */

export const PersonParams = z.object({ id: z.string().max(100) });
export const AttachmentParams = z.object({ id: z.string().max(100), attachmentId: z.string().max(100) });

export const AttachmentResult = z.object({ attachment: AttachmentSummaryJson });
export type AttachmentResult = z.infer<typeof AttachmentResult>;

/** An attachment as JSON: instants as ISO 8601 text. */
export const attachmentJson = (a: AttachmentSummary): AttachmentSummaryJson => ({ ...a, uploadedAt: a.uploadedAt.toISOString() });
