/**
 * Errors are values with a stable code and a human message. Layers below HTTP
 * and the CLI never know about statuses or exit codes: the server maps codes to
 * HTTP statuses once (http/errors.ts), the CLI to exit codes once (cli/errors.ts).
 */
export type ErrorCode =
  | 'validation'
  | 'invalid_text'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'framework_invalid'
  | 'import_invalid'
  | 'database_in_use'
  | 'port_in_use'
  | 'config_invalid'
  | 'internal';

/** One specific problem: where (file, row, JSON path, field) and why. */
export type ErrorDetail = { where: string; reason: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The message with each detail on its own line, for logs and terminals. */
  describe(): string {
    return [this.message, ...this.details.map((d) => `  - ${d.where}: ${d.reason}`)].join('\n');
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
