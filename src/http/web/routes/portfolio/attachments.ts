import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttachmentUploadFields } from '../../../../contracts/portfolio/attachment.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { openAttachment, removeAttachment } from '../../../../usecases/portfolio/attachments.ts';
import { attachUpload } from '../../../../usecases/portfolio/pages/attachment-upload.ts';
import { isRefusalShownOnForm } from '../../../../usecases/portfolio/pages/outcome.ts';
import { attachmentMultipartLimits, readAttachmentUpload, sendAttachment } from '../../../attachment-transfer.ts';
import { safeNext } from '../../../auth/guards.ts';
import { paramsOf, postedOf, signedInPage } from '../../kit/index.ts';

const PersonParams = z.object({ id: z.string() });
const AttachmentParams = z.object({ id: z.string(), attachmentId: z.string() });
const RemoveBody = z.object({ returnTo: z.string().optional().catch(undefined) });

/** The query parameters an owning page reads to show a refused upload in its error summary. */
export const UPLOAD_ERROR_PARAMS = { message: 'uploadError', owner: 'uploadFor' } as const;

/** `returnTo` with (or, on success, without) the upload error, so the owning page shows it after post/redirect/get. */
const backTo = (returnTo: string, error?: { message: string; ownerId?: string }) => {
  const url = new URL(returnTo, 'http://pathways.invalid');
  url.searchParams.delete(UPLOAD_ERROR_PARAMS.message);
  url.searchParams.delete(UPLOAD_ERROR_PARAMS.owner);
  if (error) {
    url.searchParams.set(UPLOAD_ERROR_PARAMS.message, error.message);
    if (error.ownerId) url.searchParams.set(UPLOAD_ERROR_PARAMS.owner, error.ownerId);
  }
  return `${url.pathname}${url.search}${url.hash}`;
};

/**
 * Uploading, downloading and removing the files on a person's records. The owning pages (evidence,
 * achievements, CPD, training) embed the upload form and list from `_attachments.njk` and pass their
 * own address as `returnTo`.
 */
export const registerAttachmentPages = async (app: FastifyInstance, context: AppContext) => {
  // Multipart only here: a scope of its own, so no other page accepts file uploads.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: attachmentMultipartLimits(context.config.attachmentMaxBytes), throwFileSizeLimit: false });

    scope.post(
      '/people/:id/attachments',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { id } = paramsOf(PersonParams, request);
        let returnTo = `/people/${encodeURIComponent(id)}/portfolio`;
        const refusal = await attachUpload(deps, actor, id, async () => {
          const upload = await readAttachmentUpload(request).catch(() => undefined);
          returnTo = safeNext(upload?.fields.returnTo, returnTo);
          const owner = AttachmentUploadFields.safeParse(upload?.fields ?? {});
          return { owner: owner.success ? owner.data : null, file: upload?.file ?? null };
        });
        if (refusal) return reply.redirect(backTo(returnTo, refusal), 303);
        return reply.redirectWithFlash(backTo(returnTo), 'File attached');
      }),
    );

    scope.get(
      '/people/:id/attachments/:attachmentId',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { id, attachmentId } = paramsOf(AttachmentParams, request);
        return sendAttachment(reply, await openAttachment(deps, actor, id, attachmentId));
      }),
    );

    scope.post(
      '/people/:id/attachments/:attachmentId/remove',
      signedInPage(async ({ request, reply, actor, deps }) => {
        const { id, attachmentId } = paramsOf(AttachmentParams, request);
        const body = RemoveBody.parse(postedOf(request.body));
        const returnTo = safeNext(body.returnTo, `/people/${encodeURIComponent(id)}/portfolio`);
        try {
          await removeAttachment(deps, actor, id, attachmentId);
        } catch (error) {
          if (isRefusalShownOnForm(error)) return reply.redirect(backTo(returnTo, { message: error.message, ownerId: attachmentId }), 303);
          throw error;
        }
        return reply.redirectWithFlash(backTo(returnTo), 'File removed');
      }),
    );
  });
};
