import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { HltaPreparationBody, JsonSchemaDocument, PortfolioOverviewBody, PortfolioPersonParams } from '../../contracts/api/portfolio.ts';
import { PortfolioRecord, portfolioRecordJsonSchema } from '../../contracts/portfolio/record.ts';
import { entryReasons } from '../../domain/hlta-preparation.ts';
import type { AppContext } from '../../usecases/context.ts';
import { portfolioDeps } from '../../usecases/portfolio/deps.ts';
import { hltaPreparationOf } from '../../usecases/portfolio/hlta-preparation.ts';
import { portfolioOverview } from '../../usecases/portfolio/overview.ts';
import { exportPortfolioRecord } from '../../usecases/portfolio/portfolio-export.ts';

/** The portfolio overview numbers, the HLTA preparation check, the JSON export and its published schema. */
export const registerPortfolioRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = (requestId: string) => portfolioDeps(context, requestId);
  const denied = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

  api.get(
    '/schemas/portfolio-record.json',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The JSON Schema (draft 2020-12) of the portfolio export (public)',
        response: { 200: JsonSchemaDocument },
      },
    },
    async (_request, reply) => reply.header('Cache-Control', 'public, max-age=3600').send(portfolioRecordJsonSchema()),
  );

  api.get(
    '/people/:id/portfolio',
    {
      schema: {
        tags: ['portfolio'],
        summary: "A person's portfolio at a glance: progress per standard set and next steps (needs permission to read the portfolio)",
        params: PortfolioPersonParams,
        response: { 200: PortfolioOverviewBody, ...denied },
      },
    },
    async (request) => {
      const o = await portfolioOverview(deps(request.id), request.actor, request.params.id);
      const { personId: _personId, ...counts } = o.counts;
      return { person: o.person, academicYear: o.academicYear, sets: o.sets, next: o.next, counts };
    },
  );

  api.get(
    '/people/:id/hlta-preparation',
    {
      schema: {
        tags: ['portfolio'],
        summary: "A person's HLTA preparation check: entry requirement and the evidence file per standard",
        params: PortfolioPersonParams,
        response: { 200: HltaPreparationBody, ...denied },
      },
    },
    async (request) => {
      const { person, preparation, candidates } = await hltaPreparationOf(deps(request.id), request.actor, request.params.id);
      return {
        person: { id: person.id, name: person.name },
        ready: preparation.ready,
        entry: { met: preparation.entryMet, label: preparation.entry.label, reasons: entryReasons(preparation.entry) },
        rules: preparation.rules,
        problems: preparation.problems,
        warnings: preparation.warnings,
        standards: preparation.standards.map((s) => ({
          code: s.code,
          number: s.number,
          status: s.status,
          documents: s.documents.map((d) => ({
            evidenceId: d.evidenceId,
            title: d.title,
            kind: d.kind,
            occurredOn: d.occurredOn,
            label: d.label,
          })),
          candidates: (candidates.get(s.code) ?? []).map((c) => ({ evidenceId: c.evidenceId, title: c.title })),
        })),
      };
    },
  );

  api.get(
    '/people/:id/portfolio/export',
    {
      schema: {
        tags: ['portfolio'],
        summary: "A person's whole portfolio as the published JSON record (data portability)",
        params: PortfolioPersonParams,
        response: { 200: PortfolioRecord, ...denied },
      },
    },
    async (request) => exportPortfolioRecord(deps(request.id), request.actor, request.params.id),
  );
};
