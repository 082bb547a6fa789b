import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/api/errors.ts';
import { listAuditEvents } from '../../usecases/audit-log/audit-log.ts';
import type { AppContext } from '../../usecases/context.ts';

/** Filters of the audit trail, shared by the API and the page. Dates are whole days (`to` inclusive). */
export const AuditQuery = z.object({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  from: z.iso
    .date()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  to: z.iso
    .date()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The use-case's filters from the query: empty fields are no filter; `to` includes its whole day. */
export const auditFiltersOf = (q: AuditQuery) => ({
  actor: q.actor || undefined,
  action: q.action || undefined,
  entity: q.entity || undefined,
  from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
  to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
});

const AuditPage = z.object({
  events: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: z.string(),
      actor: z.string(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      requestId: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const auditPageSize = 50;

/** The audit trail the caller may read (trust admins: their trust; school admins: their school's entities). */
export const registerAuditRoutes = (app: FastifyInstance, context: AppContext) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, filtered by actor, action, entity and date',
        querystring: AuditQuery,
        response: { 200: AuditPage, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      const result = await listAuditEvents(
        { db: context.database.kysely, auditKey: context.keys.auditKey, requestId: request.id },
        request.actor,
        auditFiltersOf(request.query),
        { page: request.query.page, pageSize: auditPageSize },
      );
      return {
        events: result.rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at.toISOString(),
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          requestId: r.request_id,
          data: r.data,
        })),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );
};
