import { type ErrorCode, isAppError } from '../contracts/errors.ts';

/** The one place where error codes become exit codes (sysexits-style where one fits). */
export const exitCodeOf: Record<ErrorCode, number> = {
  validation: 65,
  import_invalid: 65,
  framework_invalid: 65,
  not_found: 66,
  conflict: 75,
  forbidden: 77,
  unauthenticated: 77,
  database_in_use: 75,
  port_in_use: 69,
  config_invalid: 78,
  internal: 70,
};

/** Prints an error for a person at a terminal and returns the exit code to end with. */
export const reportError = (error: unknown, write: (text: string) => void = (text) => process.stderr.write(text)): number => {
  if (isAppError(error)) {
    write(`Error: ${error.describe()}\n`);
    return exitCodeOf[error.code];
  }
  write(`Error: something went wrong.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
};
