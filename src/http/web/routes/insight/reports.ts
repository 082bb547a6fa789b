import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../../contracts/errors.ts';
import { detailsFromZod } from '../../../../contracts/zod-issues.ts';
import { workforceReportPdf } from '../../../../usecases/insight/reports.ts';
import { signedInPage } from '../../kit/index.ts';
import { ScopeParams } from './dashboard.ts';

/** The report's query: the dashboard's scope, and whether to name staff (counts only unless asked). */
const ReportParams = ScopeParams.extend({ names: z.enum(['yes', 'no']).optional() });

/** The workforce report as a PDF: governors' (a school) or trust HR (a trust). */
export const registerInsightReportPages = (app: FastifyInstance) => {
  app.get(
    '/insight/report.pdf',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const parsed = ReportParams.safeParse(request.query ?? {});
      if (!parsed.success) throw new AppError('validation', 'This link to a report is not valid', detailsFromZod(parsed.error, 'query'));
      const { names, ...scope } = parsed.data;
      const file = await workforceReportPdf(deps, actor, { ...scope, includeNames: names === 'yes' });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.bytes));
    }),
  );
};
