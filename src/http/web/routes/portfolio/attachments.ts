import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttachmentUploadFields } from '../../../../contracts/portfolio/attachment.ts';
import type { AppContext } from '../../../../usecases/context.ts';
import { addAttachment, mayChangeAttachments, openAttachment, removeAttachment } from '../../../../usecases/portfolio/attachments.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { attachmentMultipartLimits, readAttachmentUpload, sendAttachment } from '../../../attachment-transfer.ts';
import { safeNext } from '../../../auth/guards.ts';
import { signedInPage } from '../people-page.ts';
import { isShownOnForm, registerFormPages } from './form-pages.ts';

const PersonParams = z.object({ id: z.string() });
const AttachmentParams = z.object({ id: z.string(), attachmentId: z.string() });
const RemoveBody = z.object({ returnTo: z.string().optional() });

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
export const registerAttachmentPages = (app: FastifyInstance, context: AppContext) =>
  registerFormPages(app, context, async (scope) => {
    await scope.register(multipart, { limits: attachmentMultipartLimits(context.config.attachmentMaxBytes), throwFileSizeLimit: false });

    scope.post(
      '/people/:id/attachments',
      signedInPage(async (request, reply, actor) => {
        const { id } = PersonParams.parse(request.params);
        const fallback = `/people/${encodeURIComponent(id)}/portfolio`;
        // The person first: a refused actor is told so before anything about the upload.
        await mayChangeAttachments(portfolioDeps(context, request.id), actor, id);
        const upload = await readAttachmentUpload(request).catch(() => undefined);
        const returnTo = safeNext(upload?.fields.returnTo, fallback);
        const owner = AttachmentUploadFields.safeParse(upload?.fields ?? {});
        // Only a hand-made request lacks these; the page still gets a message rather than an error page.
        if (!upload || !owner.success)
          return reply.redirect(backTo(returnTo, { message: 'The upload could not be read: choose the file again' }), 303);
        const file = upload.file;
        const failed = (message: string) => reply.redirect(backTo(returnTo, { message, ownerId: owner.data.ownerId }), 303);
        if (!file) return failed('Select a file to attach');
        try {
          await addAttachment(portfolioDeps(context, request.id), actor, { personId: id, ...owner.data, ...file });
        } catch (error) {
          // A file the person can put right by choosing another; anything else is a 403/404 page.
          if (isShownOnForm(error)) return failed(error.message);
          throw error;
        }
        return reply.redirect(backTo(returnTo), 303);
      }),
    );

    scope.get(
      '/people/:id/attachments/:attachmentId',
      signedInPage(async (request, reply, actor) => {
        const { id, attachmentId } = AttachmentParams.parse(request.params);
        return sendAttachment(reply, await openAttachment(portfolioDeps(context, request.id), actor, id, attachmentId));
      }),
    );

    scope.post(
      '/people/:id/attachments/:attachmentId/remove',
      signedInPage(async (request, reply, actor) => {
        const { id, attachmentId } = AttachmentParams.parse(request.params);
        const body = RemoveBody.safeParse(request.body ?? {});
        const returnTo = safeNext(body.success ? body.data.returnTo : undefined, `/people/${encodeURIComponent(id)}/portfolio`);
        try {
          await removeAttachment(portfolioDeps(context, request.id), actor, id, attachmentId);
        } catch (error) {
          if (isShownOnForm(error)) return reply.redirect(backTo(returnTo, { message: error.message, ownerId: attachmentId }), 303);
          throw error;
        }
        return reply.redirect(backTo(returnTo), 303);
      }),
    );
  });
