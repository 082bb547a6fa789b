import { type ErrorCode, isAppError } from '../contracts/errors.ts';

/** The one place where error codes become exit codes (sysexits-style where one fits). */
export const exitCodeOf: Record<ErrorCode, number> = {
  validation: 65,
  invalid_text: 65,
  import_invalid: 65,
  framework_invalid: 65,
  not_found: 66,
  conflict: 75,
  forbidden: 77,
  unauthenticated: 77,
  rate_limited: 75,
  database_in_use: 75,
  port_in_use: 69,
  config_invalid: 78,
  internal: 70,
};

/** Socket errors and PostgreSQL's shutdown codes: the database went away (a server stopped, a network dropped). */
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);

/** Whether the error is the database connection being lost, rather than something the command did. */
export const isConnectionLost = (error: unknown): boolean =>
  error instanceof Error &&
  (CONNECTION_LOST.has(String((error as NodeJS.ErrnoException).code)) ||
    /^Connection terminated|connection error and is not queryable|was closed and is not queryable/.test(error.message) ||
    isConnectionLost(error.cause));

/** EX_UNAVAILABLE: the database the command needs is not there. */
const UNAVAILABLE = 69;

/** Prints an error for a person at a terminal and returns the exit code to end with. */
export const reportError = (error: unknown, write: (text: string) => void = (text) => process.stderr.write(text)): number => {
  if (isAppError(error)) {
    write(`Error: ${error.describe()}\n`);
    return exitCodeOf[error.code];
  }
  if (isConnectionLost(error)) {
    write(
      'Error: lost the connection to the database (did the Pathways server stop?); the command did not finish. Run it again once the database is back.\n',
    );
    return UNAVAILABLE;
  }
  write(`Error: something went wrong.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
};
