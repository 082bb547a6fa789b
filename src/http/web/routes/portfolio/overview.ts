import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../../usecases/context.ts';
import { portfolioDeps } from '../../../../usecases/portfolio/deps.ts';
import { portfolioOverview } from '../../../../usecases/portfolio/overview.ts';
import { exportPortfolioPdf, exportPortfolioRecord } from '../../../../usecases/portfolio/portfolio-export.ts';
import { teamOf } from '../../../../usecases/portfolio/team.ts';
import { renderPage } from '../../views.ts';
import { signedInPage } from '../people-page.ts';
import { sendDownload } from './download.ts';
import { progressRing } from './progress-ring.ts';

const PersonParams = z.object({ id: z.string().max(100) });

/** The portfolio overview (progress rings, next steps), the PDF and JSON exports, and the manager's team view. */
export const registerOverviewPages = async (app: FastifyInstance, context: AppContext) => {
  const deps = (requestId: string) => portfolioDeps(context, requestId);

  app.get(
    '/people/:id/portfolio',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const overview = await portfolioOverview(deps(request.id), actor, id);
      return renderPage(request, reply, '../portfolio/overview', {
        person: overview.person,
        personId: overview.person.id,
        rings: overview.sets.map(progressRing),
        next: overview.next,
        counts: overview.counts,
        cpdHours: Math.round((overview.counts.cpdMinutesInYear / 60) * 10) / 10,
        academicYear: overview.academicYear,
        isSelf: actor.personId === overview.person.id,
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/export.json',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const record = await exportPortfolioRecord(deps(request.id), actor, id);
      return sendDownload(reply, {
        fileName: 'portfolio.json',
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(record, null, 2),
      });
    }),
  );

  app.get(
    '/people/:id/portfolio/export.pdf',
    signedInPage(async (request, reply, actor) => {
      const { id } = PersonParams.parse(request.params);
      const pdf = await exportPortfolioPdf(deps(request.id), actor, id);
      return sendDownload(reply, { fileName: pdf.fileName, type: 'application/pdf', body: Buffer.from(pdf.bytes) });
    }),
  );

  app.get(
    '/team',
    signedInPage(async (request, reply, actor) => {
      const team = await teamOf(deps(request.id), actor);
      return renderPage(request, reply, '../portfolio/team', {
        academicYear: team.academicYear,
        members: team.members.map((m) => ({ ...m, cpdHours: Math.round((m.cpdMinutesInYear / 60) * 10) / 10 })),
      });
    }),
  );
};
