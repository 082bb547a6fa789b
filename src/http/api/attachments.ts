import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AttachmentParams, AttachmentResult, PersonParams } from '../../contracts/api/attachments.ts';
import { ApiError } from '../../contracts/api/errors.ts';
import { AppError } from '../../contracts/errors.ts';
import type { AttachmentSummaryJson } from '../../contracts/portfolio/attachment.ts';
import { AttachmentUploadFields } from '../../contracts/portfolio/attachment.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { AppContext } from '../../usecases/context.ts';
import { type AttachmentSummary, addAttachment, mayChangeAttachments, openAttachment } from '../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { attachmentMultipartLimits, readAttachmentUpload, sendAttachment } from '../attachment-transfer.ts';
import { requireApiUser } from '../auth/guards.ts';

/** An attachment as JSON: instants as ISO 8601 text. */
const attachmentJson = (a: AttachmentSummary): AttachmentSummaryJson => ({ ...a, uploadedAt: a.uploadedAt.toISOString() });

/**
 * Files on a person's portfolio records: upload (multipart: ownerKind, ownerId and one `file`) and
 * download, which is always an attachment, never rendered or sniffed.
 */
export const registerAttachmentRoutes = (app: FastifyInstance, context: AppContext) =>
  app.register(async (scope) => {
    await scope.register(multipart, { limits: attachmentMultipartLimits(context.config.attachmentMaxBytes), throwFileSizeLimit: false });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/people/:id/attachments',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Attach a file to one of a person’s records (multipart/form-data: ownerKind, ownerId, file)',
          consumes: ['multipart/form-data'],
          params: PersonParams,
          response: { 201: AttachmentResult, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError },
        },
      },
      async (request, reply) => {
        const actor = requireApiUser(request);
        // The person first: a refused actor is told so before anything about the upload.
        await mayChangeAttachments(portfolioDeps(context, request.id), actor, request.params.id);
        const { fields, file } = await readAttachmentUpload(request).catch(() => {
          throw new AppError('validation', 'The multipart body could not be read', [
            { where: 'body', reason: 'not valid multipart/form-data' },
          ]);
        });
        const owner = AttachmentUploadFields.safeParse(fields);
        if (!owner.success)
          throw new AppError('validation', 'The upload did not say which record the file belongs to', detailsFromZod(owner.error, 'body'));
        if (!file) throw new AppError('validation', 'Select a file to attach', [{ where: 'file', reason: 'no file part named "file"' }]);
        const summary = await addAttachment(portfolioDeps(context, request.id), actor, {
          personId: request.params.id,
          ...owner.data,
          ...file,
        });
        return reply.status(201).send({ attachment: attachmentJson(summary) });
      },
    );

    api.get(
      '/people/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Download an attachment (Content-Disposition: attachment; X-Content-Type-Options: nosniff)',
          params: AttachmentParams,
          response: { 401: ApiError, 403: ApiError, 404: ApiError },
        },
      },
      async (request, reply) => {
        const opened = await openAttachment(
          portfolioDeps(context, request.id),
          request.actor,
          request.params.id,
          request.params.attachmentId,
        );
        return sendAttachment(reply, opened);
      },
    );
  });
