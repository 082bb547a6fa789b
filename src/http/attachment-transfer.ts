import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AttachmentSummary } from '../usecases/portfolio/attachments.ts';

/** One uploaded file as read from a multipart request: cut off (`truncated`) past the size limit. */
export type UploadedFile = { fileName: string; bytes: Uint8Array; truncated: boolean };

/** Multipart limits for attachment uploads: one file, a few short fields; one byte over the limit shows truncation. */
export const attachmentMultipartLimits = (maxBytes: number) => ({ files: 1, fields: 10, fieldSize: 4000, fileSize: maxBytes + 1 });

/**
 * Reads the text fields and the one file of an attachment upload, whatever order the browser sends
 * them in. The file stops being read at the limit, so an oversized upload never fills memory.
 */
export const readAttachmentUpload = async (request: FastifyRequest): Promise<{ fields: Record<string, string>; file?: UploadedFile }> => {
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  if (!request.isMultipart()) return { fields };
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk);
    const bytes = new Uint8Array(Buffer.concat(chunks));
    // An empty file input still sends a part with no name and no bytes: that is "no file chosen".
    if (part.fieldname === 'file' && !file && (part.filename || bytes.byteLength > 0)) {
      file = { fileName: part.filename || 'file', bytes, truncated: part.file.truncated };
    }
  }
  return { fields, file };
};

// Anything outside printable ASCII, and the characters that would end or escape the quoted name.
const UNSAFE_ASCII = /[^\x20-\x7e]|["\\%;]/g;

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export const contentDisposition = (fileName: string): string => {
  const fallback = fileName.replace(UNSAFE_ASCII, '_').trim() || 'attachment';
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
};

/** Sends an attachment for download only: never rendered in the browser, never sniffed, never cached. */
export const sendAttachment = (reply: FastifyReply, opened: { summary: AttachmentSummary; stream: NodeJS.ReadableStream }) =>
  reply
    .header('content-type', opened.summary.mediaType)
    .header('content-disposition', contentDisposition(opened.summary.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-length', String(opened.summary.sizeBytes))
    .send(opened.stream);
