import { z } from 'zod';
import { AttachmentSummaryJson } from '../portfolio/attachment.ts';

/** Request and response contracts of the attachments API. */

export const PersonParams = z.object({ id: z.string().max(100) });
export const AttachmentParams = z.object({ id: z.string().max(100), attachmentId: z.string().max(100) });

export const AttachmentResult = z.object({ attachment: AttachmentSummaryJson });
export type AttachmentResult = z.infer<typeof AttachmentResult>;
