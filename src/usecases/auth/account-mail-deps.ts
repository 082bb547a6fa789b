import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import type { Tables } from '../../store/tables.ts';
import type { AppContext } from '../context.ts';
import type { PasswordCost } from './passwords.ts';

/** What the use-cases that email an account a link (invitations, password resets) need. */
export type AccountMailDeps = {
  db: Kysely<Tables>;
  config: Pick<Config, 'smtpUrl' | 'production' | 'publicUrl'>;
  demo: boolean;
  clock: () => Date;
  auditKey: Uint8Array;
  requestId?: string | null;
  /** Where a demo instance prints the mail it sends (never used in production). */
  log?: (line: string) => void;
  passwordCost?: PasswordCost;
};

export const accountMailDeps = (
  context: AppContext,
  request: { id: string; log: { info(object: object, message: string): void } },
): AccountMailDeps => ({
  db: context.database.kysely,
  config: context.config,
  demo: context.demo,
  clock: context.clock,
  auditKey: context.keys.auditKey,
  requestId: request.id,
  log: (line) => request.log.info({ mail: line }, 'demo mail (demo instances only)'),
});
