import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { overviewPage } from '../../../../usecases/portfolio/pages/overview-page.ts';
import { exportPortfolioPdf, exportPortfolioRecord } from '../../../../usecases/portfolio/portfolio-export.ts';
import { teamOf } from '../../../../usecases/portfolio/team.ts';
import { durationText } from '../../durations.ts';
import { paramsOf, renderPage, signedInPage } from '../../kit/index.ts';
import { sendDownload } from './download.ts';
import { progressRing } from './progress-ring.ts';

const PersonParams = z.object({ id: z.string().max(100) });

/** The portfolio overview (progress rings, next steps), the PDF and JSON exports, and the manager's team view. */
export const registerOverviewPages = (app: FastifyInstance) => {
  app.get(
    '/people/:id/portfolio',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const overview = await overviewPage(deps, actor, id);
      return renderPage(request, reply, '../portfolio/overview', {
        person: overview.person,
        personId: overview.person.id,
        rings: overview.sets.map(progressRing),
        next: overview.next,
        counts: overview.counts,
        // Minutes as a person says them ("2 hours 15 minutes"), never a decimal of hours.
        cpdTime: durationText(overview.counts.cpdMinutesInYear),
        academicYear: overview.academicYear,
        isSelf: overview.self,
        apprenticeships: overview.apprenticeships,
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/export.json',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const record = await exportPortfolioRecord(deps, actor, id);
      return sendDownload(reply, {
        fileName: 'portfolio.json',
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(record, null, 2),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/export.pdf',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id } = paramsOf(PersonParams, request);
      const pdf = await exportPortfolioPdf(deps, actor, id);
      return sendDownload(reply, { fileName: pdf.fileName, type: 'application/pdf', body: Buffer.from(pdf.bytes) });
    }),
  );

  app.get(
    '/team',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const team = await teamOf(deps, actor);
      return renderPage(request, reply, '../portfolio/team', {
        academicYear: team.academicYear,
        members: team.members.map((m) => ({ ...m, cpdTime: durationText(m.cpdMinutesInYear) })),
      });
    }),
  );
};
