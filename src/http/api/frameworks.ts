import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/api/errors.ts';
import type { AppContext } from '../../usecases/context.ts';
import { exportFrameworkAsCase, listFrameworks, listItems, showFramework, showQualification, showRole } from '../../usecases/frameworks.ts';
import {
  CaseExportQuery,
  CasePackage,
  CodeParams,
  FrameworkDetail,
  FrameworkList,
  FrameworkParams,
  ItemPage,
  ItemsQuery,
  QualificationDetail,
  RoleDetail,
} from './frameworks.types.ts';

/** The framework reference data: public, read-only, served from the in-memory catalogue. */
export const registerFrameworkRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const catalogue = () => context.catalogue.current();

  api.get(
    '/frameworks',
    { schema: { tags: ['frameworks'], summary: 'List every framework, built-in and imported', response: { 200: FrameworkList } } },
    () => ({ frameworks: listFrameworks(catalogue()) }),
  );

  api.get(
    '/frameworks/:id',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'One framework with all its items, roles, qualifications and associations',
        params: FrameworkParams,
        response: { 200: FrameworkDetail, 404: ApiError },
      },
    },
    (request) => showFramework(catalogue(), request.params.id),
  );

  api.get(
    '/frameworks/:id/case',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'One framework as a 1EdTech CASE package (CASE 1.1; caseVersion=1.0 for the 1.0 form)',
        params: FrameworkParams,
        querystring: CaseExportQuery,
        response: { 200: CasePackage, 400: ApiError, 404: ApiError },
      },
    },
    (request) => exportFrameworkAsCase(catalogue(), request.params.id, request.query.caseVersion),
  );

  api.get(
    '/roles/:id',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'A role with its duties, requirements, relevant qualifications and where it leads',
        params: CodeParams,
        response: { 200: RoleDetail, 404: ApiError },
      },
    },
    (request) => showRole(catalogue(), request.params.id),
  );

  api.get(
    '/items',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Competency items by framework and kind, or matching a search (q), one page at a time',
        querystring: ItemsQuery,
        response: { 200: ItemPage, 400: ApiError, 404: ApiError },
      },
    },
    (request) => listItems(catalogue(), context.catalogue.searchIndex(), request.query),
  );

  api.get(
    '/qualifications/:id',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'A qualification with its units, NOS mapping and requirements',
        params: CodeParams,
        response: { 200: QualificationDetail, 404: ApiError },
      },
    },
    (request) => showQualification(catalogue(), request.params.id),
  );
};
