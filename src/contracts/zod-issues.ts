import type { z } from 'zod';
import type { ErrorDetail } from './errors.ts';

/** Turns zod issues into details that name the JSON path (`$.items[3].code`) and the reason. */
export const detailsFromZod = (error: z.ZodError, prefix = '$'): ErrorDetail[] =>
  error.issues.map((issue) => ({ where: jsonPath(prefix, issue.path), reason: issue.message }));

export const jsonPath = (prefix: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), prefix);
