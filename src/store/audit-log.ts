import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Tables } from './tables.ts';

/** Whose events a reader may see: whole trust chains, and events about single schools' own entities. */
export type AuditScope = { trustIds: readonly string[]; organisationIds: readonly string[] };

export type AuditFilters = { actor?: string; action?: string; entity?: string; from?: Date; to?: Date };

export type AuditLogRow = {
  id: number;
  trust_id: string | null;
  occurred_at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: unknown;
  request_id: string | null;
};

type Eb = ExpressionBuilder<Tables & { e: Tables['audit_events'] }, 'e'>;

/**
 * A school's events are those about its own entities: the school itself, its people, the accounts of
 * its people, and role assignments held at it (role events record their organisation).
 */
const ofSchools = (eb: Eb, schools: readonly string[]): Expression<SqlBool> => {
  const ids = sql.join(schools.map((id) => sql`${id}`));
  return eb.or([
    eb.and([eb('e.entity', '=', 'organisation'), eb('e.entity_id', 'in', [...schools])]),
    eb.and([
      eb('e.entity', '=', 'person'),
      sql<SqlBool>`e.entity_id IN (SELECT id::text FROM people WHERE organisation_id::text IN (${ids}))`,
    ]),
    eb.and([
      eb('e.entity', 'in', ['user_account', 'account']),
      sql<SqlBool>`e.entity_id IN (SELECT a.id::text FROM user_accounts a JOIN people p ON p.id = a.person_id WHERE p.organisation_id::text IN (${ids}))`,
    ]),
    eb.and([eb('e.entity', '=', 'role_assignment'), sql<SqlBool>`e.data->>'organisationId' IN (${ids})`]),
  ]);
};

const inScope = (eb: Eb, scope: AuditScope): Expression<SqlBool> => {
  const parts: Expression<SqlBool>[] = [];
  if (scope.trustIds.length) parts.push(eb('e.trust_id', 'in', [...scope.trustIds]));
  if (scope.organisationIds.length) parts.push(ofSchools(eb, scope.organisationIds));
  return parts.length ? eb.or(parts) : sql<SqlBool>`false`;
};

/** Reading the audit log for people: scoped and filtered in SQL, newest first. */
export const auditLog = (db: Kysely<Tables>) => {
  const filtered = (scope: AuditScope, filters: AuditFilters) => {
    let query = db.selectFrom('audit_events as e').where((eb) => inScope(eb, scope));
    if (filters.actor) query = query.where('e.actor', '=', filters.actor);
    if (filters.action) query = query.where('e.action', '=', filters.action);
    if (filters.entity) query = query.where('e.entity', '=', filters.entity);
    if (filters.from) query = query.where('e.occurred_at', '>=', filters.from);
    if (filters.to) query = query.where('e.occurred_at', '<', filters.to);
    return query;
  };
  const columns = [
    'e.id',
    'e.trust_id',
    'e.occurred_at',
    'e.actor',
    'e.action',
    'e.entity',
    'e.entity_id',
    'e.data',
    'e.request_id',
  ] as const;
  return {
    page: async (scope: AuditScope, filters: AuditFilters, page: { offset: number; limit: number }) => {
      const count = await filtered(scope, filters)
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const rows: AuditLogRow[] = await filtered(scope, filters)
        .select([...columns])
        .orderBy('e.id', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return { rows, total: Number(count.count) };
    },

    /** Every matching event, oldest first, in batches (for export). */
    all: async function* (scope: AuditScope, filters: AuditFilters, batchSize = 1000): AsyncGenerator<AuditLogRow> {
      let after = 0;
      for (;;) {
        const rows: AuditLogRow[] = await filtered(scope, filters)
          .select([...columns])
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(batchSize)
          .execute();
        yield* rows;
        if (rows.length < batchSize) return;
        after = rows.at(-1)?.id ?? after;
      }
    },
  };
};
