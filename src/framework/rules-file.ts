import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../contracts/errors.ts';
import { detailsFromZod } from '../contracts/zod-issues.ts';

/**
 * Parses and validates one rules file (the YAML kept beside the framework data under `rules/`);
 * a malformed file fails with the line or the path inside it and the reason.
 */
export const parseRulesFile = <Schema extends z.ZodType>(schema: Schema, what: string, file: string, text: string): z.infer<Schema> => {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0)
    throw new AppError(
      'framework_invalid',
      `Rules file ${file} is not valid YAML`,
      document.errors.map((e) => ({ where: `${file}:${e.linePos?.[0]?.line ?? '?'}`, reason: e.message.split('\n')[0] ?? e.message })),
    );
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success)
    throw new AppError('framework_invalid', `Rules file ${file} does not match the ${what} schema`, detailsFromZod(parsed.error, file));
  return parsed.data;
};
