import type { FastifyReply } from 'fastify';

/**
 * Sends a generated file as a download: never sniffed into something the browser would run, and
 * never cached, since it holds a person's records.
 */
export const sendDownload = (reply: FastifyReply, file: { fileName: string; type: string; body: string | Buffer }) =>
  reply
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .type(file.type)
    .send(file.body);
