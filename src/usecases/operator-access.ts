import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../contracts/errors.ts';
import { audit } from '../store/audit.ts';
import type { Tables } from '../store/tables.ts';

/** Who the audit events of the operator API name: an operator holding the instance's operator token. */
export const OPERATOR_API_ACTOR = 'operator:api';

export type OperatorAccessDeps = { db: Kysely<Tables>; auditKey: Uint8Array; requestId?: string | null };

export type OperatorCredentials = {
  /** The instance's token (PATHWAYS_OPERATOR_TOKEN); undefined turns the operator API off. */
  configured: string | undefined;
  /** The bearer token the request carries, if any. */
  presented: string | undefined;
  /** The signed-in user behind a session cookie, if any: named on a refusal, never taken as authority. */
  sessionUserId: string | null;
  /** What the caller tried, for the audit event (e.g. `framework.import`). */
  attempted: string;
  clientAddress: string;
};

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Whether two tokens are equal, in time that depends on neither (both hashed to 32 bytes first, so lengths never leak). */
export const operatorTokensMatch = (presented: string, configured: string): boolean =>
  timingSafeEqual(digest(presented), digest(configured));

/** One answer for every refusal, so a caller cannot tell an unset token from a wrong one. */
const refusal = () =>
  new AppError(
    'unauthenticated',
    'The operator API needs the operator token (Authorization: Bearer <PATHWAYS_OPERATOR_TOKEN>): none was sent, it is wrong, or this instance has none configured',
  );

/**
 * Admits an operator by the instance's operator token, or refuses (audited as `access.refused` on the
 * instance chain, with the reason) with `unauthenticated`. A session cookie is no operator authority:
 * frameworks are shared by every trust, so no trust's user may change them.
 */
export const authenticateOperator = async (deps: OperatorAccessDeps, credentials: OperatorCredentials): Promise<string> => {
  const { configured, presented } = credentials;
  if (configured !== undefined && presented !== undefined && operatorTokensMatch(presented, configured)) return OPERATOR_API_ACTOR;
  const reason =
    configured === undefined
      ? 'the operator API is off on this instance (PATHWAYS_OPERATOR_TOKEN is not set)'
      : presented === undefined
        ? `no operator token was sent${credentials.sessionUserId ? ' (a signed-in session is not operator authority)' : ''}`
        : 'the operator token sent is wrong';
  await audit(deps.db, deps.auditKey).record({
    trustId: null,
    actor: credentials.sessionUserId ?? 'anonymous',
    action: 'access.refused',
    entity: 'framework',
    entityId: 'catalogue',
    data: { attempted: credentials.attempted, reason, clientAddress: credentials.clientAddress },
    requestId: deps.requestId ?? null,
  });
  throw refusal();
};
