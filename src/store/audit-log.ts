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
 * its people, and role assignments held at it (role events record their organisation); and the
 * portfolio events of its people: those that name the person in their data (CPD, reviews, training,
 * judgements, attachments: `personId`, or inside `before`/`after`) and those about their evidence.
 */
const ofSchools = (eb: Eb, schools: readonly string[]): Expression<SqlBool> => {
  const ids = sql.join(schools.map((id) => sql`${id}`));
  const peopleOfSchools = sql`SELECT id::text FROM people WHERE organisation_id::text IN (${ids})`;
  return eb.or([
    sql<SqlBool>`COALESCE(e.data->>'personId', e.data->'after'->>'personId', e.data->'before'->>'personId') IN (${peopleOfSchools})`,
    eb.and([
      eb('e.entity', '=', 'evidence'),
      sql<SqlBool>`e.entity_id IN (SELECT id::text FROM evidence_items WHERE person_id::text IN (${peopleOfSchools}))`,
    ]),
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

/** What an audit event may name: user accounts (actors), people, and the portfolio and organisation records events are about. */
export type AuditNameKind =
  | 'user'
  | 'person'
  | 'evidence'
  | 'cpd'
  | 'review'
  | 'attachment'
  | 'training'
  | 'trainingKind'
  | 'organisation'
  | 'judgement';

export type AuditNameRefs = Partial<Record<AuditNameKind, readonly string[]>>;

/** One resolved name: the record's own name (a title, a school's name, an email) and the person it belongs to. */
export type AuditName = {
  kind: AuditNameKind;
  id: string;
  name: string | null;
  person: { id: string; name: string; organisationId: string; trustId: string } | null;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type NameRow = {
  kind: AuditNameKind;
  id: string;
  name: string | null;
  person_id: string | null;
  person_name: string | null;
  person_organisation_id: string | null;
  person_trust_id: string | null;
};

/**
 * The names behind the ids a page of audit events refers to, in ONE query, and only inside the given
 * trusts (what the reader may see): each record's own name and the person it belongs to.
 */
export const auditNames = async (db: Kysely<Tables>, refs: AuditNameRefs, trustIds: readonly string[]): Promise<AuditName[]> => {
  const ids = (kind: AuditNameKind) => [...new Set((refs[kind] ?? []).filter((id) => uuidPattern.test(id)))];
  const trusts = [...new Set(trustIds)].filter((id) => uuidPattern.test(id));
  if (!trusts.length) return [];
  const person = sql`p.id::text AS person_id, (p.given_name || ' ' || p.family_name) AS person_name,
    p.organisation_id::text AS person_organisation_id, p.trust_id::text AS person_trust_id`;
  const noPerson = sql`NULL::text AS person_id, NULL::text AS person_name, NULL::text AS person_organisation_id, NULL::text AS person_trust_id`;
  const inTrusts = (alias: string) => sql`${sql.ref(`${alias}.trust_id`)} = ANY(${trusts}::uuid[])`;
  const parts = [
    sql`SELECT 'user' AS kind, x.id::text AS id, x.email AS name, ${person}
      FROM user_accounts x LEFT JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('user')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'person' AS kind, p.id::text AS id, NULL::text AS name, ${person}
      FROM people p WHERE p.id = ANY(${ids('person')}::uuid[]) AND ${inTrusts('p')}`,
    sql`SELECT 'evidence' AS kind, x.id::text AS id, x.title AS name, ${person}
      FROM evidence_items x JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('evidence')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'cpd' AS kind, x.id::text AS id, x.title AS name, ${person}
      FROM cpd_activities x JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('cpd')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'review' AS kind, x.id::text AS id, x.academic_year AS name, ${person}
      FROM review_cycles x JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('review')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'attachment' AS kind, x.id::text AS id, x.file_name AS name, ${person}
      FROM attachments x JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('attachment')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'training' AS kind, x.id::text AS id, k.title AS name, ${person}
      FROM training_records x JOIN people p ON p.id = x.person_id JOIN training_kinds k ON k.id = x.kind_id
      WHERE x.id = ANY(${ids('training')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'trainingKind' AS kind, x.id::text AS id, x.title AS name, ${noPerson}
      FROM training_kinds x WHERE x.id = ANY(${ids('trainingKind')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'organisation' AS kind, x.id::text AS id, x.name AS name, ${noPerson}
      FROM organisations x WHERE x.id = ANY(${ids('organisation')}::uuid[]) AND ${inTrusts('x')}`,
    sql`SELECT 'judgement' AS kind, x.id::text AS id, x.item_code AS name, ${person}
      FROM judgements x JOIN people p ON p.id = x.person_id WHERE x.id = ANY(${ids('judgement')}::uuid[]) AND ${inTrusts('x')}`,
  ];
  const { rows } = await sql<NameRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    person:
      r.person_id && r.person_name && r.person_organisation_id && r.person_trust_id
        ? { id: r.person_id, name: r.person_name, organisationId: r.person_organisation_id, trustId: r.person_trust_id }
        : null,
  }));
};

/** The choices of the audit log's filters: who acted (by name) and which actions occur, in the reader's scope. */
export const auditFilterChoices = async (db: Kysely<Tables>, scope: AuditScope) => {
  const actions = await db
    .selectFrom('audit_events as e')
    .where((eb) => inScope(eb, scope))
    .select('e.action')
    .distinct()
    .execute();
  const people = await db
    .selectFrom('user_accounts as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_events as e')
          .select(sql`1`.as('one'))
          .where((inner) => inner.and([inner(sql.ref('e.actor'), '=', sql<string>`a.id::text`), inScope(inner, scope)])),
      ),
    )
    .select(['a.id as userId', 'p.given_name as givenName', 'p.family_name as familyName'])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return {
    actions: actions.map((a) => a.action),
    people: people.map((p) => ({ userId: String(p.userId), name: `${p.givenName} ${p.familyName}` })),
  };
};
