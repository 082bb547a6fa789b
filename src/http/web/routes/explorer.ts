import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { limits } from '../../../contracts/config.ts';
import type { AssociationType } from '../../../framework/schema.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { renderNotFound } from '../errors.ts';
import { hrefOfCode, nameOfCode } from '../links.ts';
import { frameworkOptions, frameworkSections, itemTree } from '../pages/items.ts';
import { buildLadder } from '../pages/ladder.ts';
import { paginate } from '../pages/pagination.ts';
import { buildRolePage } from '../pages/role.ts';
import { labelOf } from '../public-wording.ts';
import { renderPage } from '../views.ts';

/** How a connection between two entries reads in a sentence. */
const associationNames: Record<AssociationType, string> = {
  isChildOf: 'is part of',
  isPartOf: 'is part of',
  exactMatchOf: 'is the same as',
  isRelatedTo: 'is related to',
  precedes: 'leads to',
  replacedBy: 'is replaced by',
  requires: 'requires',
};

const IdParams = z.object({ id: z.string().min(1).max(100) });
const FrameworkQuery = z.object({ option: z.string().max(40).optional() });
const SearchQuery = z.object({
  q: z.string().trim().max(limits.searchQueryLength, `Search terms must be ${limits.searchQueryLength} characters or fewer`).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});

const searchPageSize = 20;

/** The framework explorer: public, read-only pages over the catalogue held in memory (no database). */
export const registerExplorerRoutes = (app: FastifyInstance, context: AppContext) => {
  const catalogue = () => context.catalogue.current();

  app.get('/', (request, reply) => renderPage(request, reply, 'home', { frameworks: catalogue().frameworks }));

  app.get('/frameworks', (request, reply) => renderPage(request, reply, 'frameworks', { frameworks: catalogue().frameworks }));

  app.get('/frameworks/:id', (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const framework = params.success ? catalogue().framework(params.data.id) : undefined;
    if (!framework) return renderNotFound(request, reply);
    const options = frameworkOptions(framework);
    const query = FrameworkQuery.safeParse(request.query);
    const option = query.success ? options.find((o) => o.id === query.data.option) : undefined;
    const associations = (framework.associations ?? []).map((a) => ({
      ...a,
      fromName: labelOf(a.from, nameOfCode(catalogue(), a.from)),
      toName: labelOf(a.to, nameOfCode(catalogue(), a.to)),
      typeName: associationNames[a.type],
      fromHref: hrefOfCode(catalogue(), a.from),
      toHref: hrefOfCode(catalogue(), a.to),
    }));
    return renderPage(request, reply, 'framework', {
      framework,
      options,
      option,
      sections: frameworkSections(catalogue(), framework, option?.id),
      associations,
    });
  });

  app.get('/hlta-standards', (_request, reply) => reply.redirect('/frameworks/hlta-standards'));

  app.get('/ladder', (request, reply) => renderPage(request, reply, 'ladder', { ladder: buildLadder(catalogue()) }));

  app.get('/roles/:id', (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const entry = params.success ? catalogue().entry(params.data.id) : undefined;
    if (entry?.type !== 'role') return renderNotFound(request, reply);
    return renderPage(request, reply, 'role', { page: buildRolePage(catalogue(), entry.role, entry.framework) });
  });

  app.get('/qualifications', (request, reply) => {
    const groups = Map.groupBy(catalogue().qualifications(), ({ framework }) => framework.id);
    const sections = [...groups.values()].map((rows) => ({
      framework: rows[0]?.framework,
      qualifications: rows.map((r) => r.qualification),
    }));
    return renderPage(request, reply, 'qualifications', { sections });
  });

  app.get('/qualifications/:id', (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const entry = params.success ? catalogue().entry(params.data.id) : undefined;
    if (entry?.type !== 'qualification') return renderNotFound(request, reply);
    const units = (entry.qualification.units ?? []).map((unit) => ({
      ...unit,
      nosLinks: unit.nos.map((code) => ({ code, href: hrefOfCode(catalogue(), code), title: catalogue().item(code)?.title })),
    }));
    return renderPage(request, reply, 'qualification', {
      qualification: entry.qualification,
      framework: entry.framework,
      creditRules: entry.framework.creditRules,
      units,
      leadsTo: catalogue()
        .associations({ type: 'precedes', from: entry.code })
        .map((a) => ({ code: a.to, name: labelOf(a.to, nameOfCode(catalogue(), a.to)), href: hrefOfCode(catalogue(), a.to) })),
    });
  });

  app.get('/partnership-teachers', (request, reply) => {
    const framework = catalogue().framework('partnership-teacher');
    const kinds = catalogue().items({ kind: 'partnership-teacher-kind' });
    const nodes = framework
      ? itemTree(
          framework.items ?? [],
          kinds.map((k) => k.code),
        )
      : [];
    return renderPage(request, reply, 'partnership-teachers', { framework, kinds: nodes });
  });

  app.get('/search', (request: FastifyRequest, reply: FastifyReply) => {
    const query = SearchQuery.safeParse(request.query);
    if (!query.success) {
      return renderPage(request, reply, 'search', { q: '', error: query.error.issues[0]?.message ?? 'Enter fewer search terms' }, 400);
    }
    const q = query.data.q ?? '';
    const hits = q ? context.catalogue.searchIndex().search(q, {}, 500) : [];
    const { items, pagination } = paginate(
      hits,
      query.data.page ?? 1,
      searchPageSize,
      (page) => `/search?q=${encodeURIComponent(q)}&page=${page}`,
    );
    const results = items.map((hit) => ({ ...hit, href: hrefOfCode(catalogue(), hit.code) }));
    return renderPage(request, reply, 'search', { q, results, total: hits.length, pagination });
  });
};
