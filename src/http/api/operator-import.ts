import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { limits, requireStrongOperatorTokenInProduction } from '../../contracts/config.ts';
import { AppError, isAppError } from '../../contracts/errors.ts';
import type { AppContext } from '../../usecases/context.ts';
import { importCasePackage, importIfateStandard } from '../../usecases/import-framework.ts';
import { authenticateOperator, OPERATOR_API_ACTOR } from '../../usecases/operator-access.ts';
import { setRetryAfter } from '../retry-after.ts';

/** Refused operator requests one client address may make per window before it must wait (accepted ones are not counted). */
export const operatorRefusalRateLimit = { max: 20, timeWindow: '15 minutes' } as const;

export const OperatorImportQuery = z.object({
  format: z
    .enum(['case', 'skills-england'])
    .describe('case: a 1EdTech CASE 1.0/1.1 package (e.g. an OpenSALT export); skills-england: a Skills England (IfATE) standard'),
});

export const OperatorImportResult = z.object({
  status: z.enum(['imported', 'already-imported']),
  framework: z.object({ id: z.string(), title: z.string(), version: z.string() }),
  linked: z.array(z.string()).describe('other versions of the same standard now linked to this one by replacedBy'),
  message: z.string(),
});

/** The body is the package exactly as its file holds it: the importers parse and validate it, and hash it to recognise a re-import. */
const OperatorImportBody = z
  .unknown()
  .describe('The package JSON as the file holds it: a CASE CFPackage (format=case) or a Skills England standard (format=skills-england)');

/** What the importers' messages call the package. */
const BODY_NAME = 'the request body';

const bearerOf = (request: FastifyRequest): string | undefined => {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
};

const textOf = (body: unknown): string => {
  if (typeof body === 'string') return body;
  throw new AppError(
    'import_invalid',
    'Send the package JSON as the request body, with Content-Type: application/json. Nothing was imported.',
  );
};

/**
 * The operator API: imports of instance-wide reference data (frameworks), which no trust's user may
 * make. Authenticated by `Authorization: Bearer <PATHWAYS_OPERATOR_TOKEN>` only, never by a session
 * cookie; without a configured token every request is refused (401, like a wrong token, so callers
 * cannot tell the two apart and the route stays in the OpenAPI document). Refusals are audited, and
 * throttled per client address before the token is even looked at.
 */
export const registerOperatorImportRoutes = (app: FastifyInstance, context: AppContext) => {
  requireStrongOperatorTokenInProduction(context.config);
  app.register(async (operator) => {
    await operator.register(rateLimit, { global: false });
    const refusals = operator.createRateLimit({ ...operatorRefusalRateLimit, keyGenerator: (request) => request.ip });

    /** Throttle, then the token, before a byte of the (up to 10 MB) body is read. */
    const admitOperator = async (request: FastifyRequest, reply: FastifyReply) => {
      const state = await refusals(request, { increment: false });
      if (!state.isAllowed && state.remaining === 0) {
        const error = new AppError('rate_limited', 'Too many refused operator requests from this address. Try again later.', [
          { where: 'retryAfterSeconds', reason: String(Math.max(1, state.ttlInSeconds)) },
        ]);
        setRetryAfter(reply, error);
        throw error;
      }
      try {
        await authenticateOperator(
          { db: context.database.kysely, auditKey: context.keys.auditKey, requestId: request.id },
          {
            configured: context.config.operatorToken,
            presented: bearerOf(request),
            sessionUserId: request.actor.kind === 'user' ? request.actor.userId : null,
            attempted: 'framework.import',
            clientAddress: request.ip,
          },
        );
      } catch (error) {
        if (isAppError(error) && error.code === 'unauthenticated') {
          await refusals(request);
          reply.header('www-authenticate', 'Bearer realm="pathways-operator"');
        }
        throw error;
      }
    };

    // JSON only (anything else is 415), kept as text: the importers hash exactly what was sent, as they hash a file.
    operator.removeAllContentTypeParsers();
    operator.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    const api = operator.withTypeProvider<ZodTypeProvider>();
    api.post(
      '/operator/frameworks/import',
      {
        bodyLimit: limits.frameworkImportBytes,
        preParsing: async (request, reply, payload) => {
          await admitOperator(request, reply);
          return payload;
        },
        schema: {
          tags: ['operator'],
          summary: 'Import a framework (a CASE package or a Skills England standard) — operators only',
          description:
            'Frameworks are reference data shared by every trust, so no signed-in user may import them. ' +
            'Authenticate with `Authorization: Bearer <PATHWAYS_OPERATOR_TOKEN>` (a session cookie is not accepted); ' +
            'with no token configured the route refuses every request. The body is the package JSON (Content-Type: application/json, ' +
            `at most ${limits.frameworkImportBytes} bytes), validated whole before anything is stored. ` +
            '201 when imported, 200 when the same package was imported before.',
          querystring: OperatorImportQuery,
          body: OperatorImportBody,
          response: {
            200: OperatorImportResult,
            201: OperatorImportResult,
            400: ApiError,
            401: ApiError,
            409: ApiError,
            413: ApiError,
            415: ApiError,
            429: ApiError,
          },
        },
      },
      async (request, reply) => {
        const importer = request.query.format === 'case' ? importCasePackage : importIfateStandard;
        const result = await importer(
          { database: context.database, auditKey: context.keys.auditKey, catalogue: context.catalogue },
          { text: textOf(request.body), fileName: BODY_NAME, actor: OPERATOR_API_ACTOR },
        );
        return reply.status(result.status === 'imported' ? 201 : 200).send(result);
      },
    );
  });
};
