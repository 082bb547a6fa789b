import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../../contracts/errors.ts';
import { partnershipTables } from '../../../../contracts/partnerships.ts';
import { authorizePartnership } from '../../../../usecases/partnerships/access.ts';
import { ENGAGEMENT_IMPORT_MAX_BYTES, importEngagements } from '../../../../usecases/partnerships/engagement-import.ts';
import { exportPartnershipTable } from '../../../../usecases/partnerships/exports.ts';
import { partnershipReport, teacherReport } from '../../../../usecases/partnerships/impact-report-pdf.ts';
import { paramsOf, queryOf, renderPage, signedInPage } from '../../kit/index.ts';
import { DeploymentParams, PeriodQuery, partnershipDepsOf, periodOf } from './deps.ts';

const TableParams = z.object({ id: z.uuid(), table: z.enum(partnershipTables), format: z.enum(['csv', 'xlsx']) });
const TermQuery = z.object({ term: z.string().max(40).optional() });
const ImportParams = z.object({ id: z.uuid() });

const download = (reply: import('fastify').FastifyReply, file: { fileName: string; contentType: string; bytes: Uint8Array }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.bytes));

/** Every table as CSV or XLSX, the termly impact reports as PDF, and the engagements import. */
export const registerPartnershipFiles = async (app: FastifyInstance) => {
  app.get(
    '/partnerships/:id/tables/:table.:format',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, table, format } = paramsOf(TableParams, request);
      const { query } = queryOf(PeriodQuery, request);
      return download(
        reply,
        await exportPartnershipTable(await partnershipDepsOf(request), actor, id, { table, format, period: periodOf(query) }),
      );
    }),
  );

  app.get(
    '/partnerships/:id/report.pdf',
    signedInPage(async ({ request, reply, actor }) => {
      const { id } = paramsOf(ImportParams, request);
      const { query } = queryOf(TermQuery, request);
      const file = await partnershipReport(await partnershipDepsOf(request), actor, id, query.term);
      return download(reply, { ...file, contentType: 'application/pdf' });
    }),
  );

  app.get(
    '/partnerships/:id/deployments/:deploymentId/report.pdf',
    signedInPage(async ({ request, reply, actor }) => {
      const { id, deploymentId } = paramsOf(DeploymentParams, request);
      const { query } = queryOf(TermQuery, request);
      const file = await teacherReport(await partnershipDepsOf(request), actor, id, deploymentId, query.term);
      return download(reply, { ...file, contentType: 'application/pdf' });
    }),
  );

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fileSize: ENGAGEMENT_IMPORT_MAX_BYTES + 1, fields: 5 } });
    const maxMb = ENGAGEMENT_IMPORT_MAX_BYTES / (1024 * 1024);
    const view = '../partnerships/import';

    scope.get(
      '/partnerships/:id/engagements/import',
      signedInPage(async ({ request, reply, actor }) => {
        const { id } = paramsOf(ImportParams, request);
        const { partnership } = await authorizePartnership(await partnershipDepsOf(request), actor, id, 'partnership.manage');
        return renderPage(request, reply, view, { partnership, maxMb });
      }),
    );

    scope.post(
      '/partnerships/:id/engagements/import',
      signedInPage(async ({ request, reply, actor }) => {
        const { id } = paramsOf(ImportParams, request);
        const deps = await partnershipDepsOf(request);
        const { partnership } = await authorizePartnership(deps, actor, id, 'partnership.manage');
        const refuse = (error: string, rows: readonly { where: string; reason: string }[] = []) =>
          renderPage(request, reply, view, { partnership, maxMb, error, rows }, 400);
        if (!request.isMultipart()) return refuse('Select a CSV or Excel file');
        const file = await request.file();
        if (!file?.filename) return refuse('Select a CSV or Excel file');
        const bytes = new Uint8Array(await file.toBuffer().catch(() => Buffer.alloc(ENGAGEMENT_IMPORT_MAX_BYTES + 1)));
        if (file.file.truncated || bytes.byteLength > ENGAGEMENT_IMPORT_MAX_BYTES)
          return refuse(`The selected file must be smaller than ${maxMb} MB`);
        if (bytes.byteLength === 0) return refuse('The selected file is empty');
        if (!/\.(csv|xlsx)$/i.test(file.filename)) return refuse('The selected file must be a CSV or an Excel (.xlsx) file');
        try {
          const { imported } = await importEngagements(deps, actor, id, { fileName: file.filename, bytes });
          return reply.redirectWithFlash(`/partnerships/${id}`, `${imported} engagement${imported === 1 ? '' : 's'} imported`);
        } catch (error) {
          if (isAppError(error) && error.code === 'import_invalid') return refuse(error.message, error.details);
          throw error;
        }
      }),
    );
  });
};
