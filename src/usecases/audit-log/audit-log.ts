import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import { AppError } from '../../contracts/errors.ts';
import type { ChainedEvent } from '../../domain/audit/chain.ts';
import { type ChainVerdict, verifyChain } from '../../domain/audit/chain.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { type Audit, audit } from '../../store/audit.ts';
import { type AuditFilters, type AuditLogRow, auditLog } from '../../store/audit-log.ts';
import type { AuthorizeDeps } from '../authorize.ts';
import { authorizeList, signedInUser } from '../people/scope.ts';

const scopeFor = async (deps: AuthorizeDeps, actor: Actor | Anonymous, action: Action) => {
  const scope = await authorizeList(deps, actor, action, (trustId, organisationId) => ({ type: 'audit', trustId, organisationId }));
  return { trustIds: scope.trustIds, organisationIds: scope.organisationIds };
};

/** One page of the audit trail the actor may read: trust admins their trust's chain, school admins their school's entities. */
export const listAuditEvents = async (
  deps: AuthorizeDeps,
  actor: Actor | Anonymous,
  filters: AuditFilters,
  page: { page: number; pageSize: number },
) => {
  const scope = await scopeFor(deps, actor, 'audit.read');
  const result = await auditLog(deps.db).page(scope, filters, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  return { ...result, ...page };
};

const csvCell = (value: string | number | null) => {
  const safe = String(neutraliseFormula(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const csvColumns = ['id', 'occurred_at', 'actor', 'action', 'entity', 'entity_id', 'request_id', 'data'] as const;

const csvRow = (row: AuditLogRow) =>
  [row.id, row.occurred_at.toISOString(), row.actor, row.action, row.entity, row.entity_id, row.request_id, JSON.stringify(row.data)]
    .map(csvCell)
    .join(',');

/**
 * The audit trail as CSV (audit.export), every cell neutralised against formula injection. The export
 * itself is audited, as it takes personal data out of the application.
 */
export const exportAuditCsv = async (deps: AuthorizeDeps & { clock: () => Date }, actor: Actor | Anonymous, filters: AuditFilters) => {
  const scope = await scopeFor(deps, actor, 'audit.export');
  const user = signedInUser(actor);
  const lines = [csvColumns.join(',')];
  let count = 0;
  for await (const row of auditLog(deps.db).all(scope, filters)) {
    lines.push(csvRow(row));
    count += 1;
  }
  const trustId = user.assignments.find(
    (a) => scope.trustIds.includes(a.trustId) || scope.organisationIds.includes(a.organisationId),
  )?.trustId;
  await audit(deps.db, deps.auditKey).record({
    trustId: trustId ?? null,
    actor: user.userId,
    action: 'audit.exported',
    entity: 'audit',
    entityId: trustId ?? 'instance',
    data: { filters: { ...filters }, events: count },
    requestId: deps.requestId ?? null,
    occurredAt: deps.clock(),
  });
  return `${lines.join('\r\n')}\r\n`;
};

export type ChainReport = { chain: string; verdict: ChainVerdict };

const collect = async (events: AsyncGenerator<ChainedEvent>) => {
  const all: ChainedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

/**
 * Walks each audit chain (or one trust's) with the key held outside the database and reports, per
 * chain, how many events verified and the first broken link, or the events missing from its end
 * (the walk must end at the event its head records, with its link and count). Run by operators
 * (`pathways audit verify`).
 */
export const verifyAuditChains = async (deps: AuthorizeDeps, options: { trustId?: string } = {}): Promise<ChainReport[]> => {
  const log = audit(deps.db, deps.auditKey);
  const chains = options.trustId ? [options.trustId] : await log.chains();
  if (options.trustId && !(await log.chains()).includes(options.trustId))
    throw new AppError('not_found', `There is no audit chain for trust ${options.trustId}`);
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push({ chain, verdict: await verifyOneChain(log, deps.auditKey, chain) });
  return reports;
};

const verifyOneChain = async (log: Audit, key: Uint8Array, chain: string): Promise<ChainVerdict> => {
  // The head first: events appended while the chain is read lie beyond it and are left for the next run.
  const head = await log.headOf(chain);
  if (!head) {
    const events = await collect(log.readChain(chain));
    return {
      ok: false,
      checked: 0,
      brokenAt: events[0]?.id ?? 'start',
      reason: `its head is missing (${events.length} events have no head)`,
    };
  }
  const verdict = verifyChain(key, await collect(log.readChain(chain, { upTo: head.lastEventId })), head);
  if (!verdict.ok) return verdict;
  const beyond = await log.countBeyondHead(chain);
  if (beyond === 0) return verdict;
  return {
    ok: false,
    checked: verdict.checked,
    brokenAt: head.lastEventId,
    reason: `${beyond} events follow the event its head records (event ${head.lastEventId}) without moving the head (inserted directly)`,
  };
};
