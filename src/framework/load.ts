import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { AppError } from '../contracts/errors.ts';
import { detailsFromZod } from '../contracts/zod-issues.ts';
import { Framework } from './schema.ts';

/** The reviewed framework data files shipped with Pathways. */
export const frameworkDataDir = fileURLToPath(new URL('./data/', import.meta.url));

/** A framework with the file it was read from, so later checks can name the file. */
export type FrameworkSource = { file: string; framework: Framework };

/** Parses and validates one framework file; a malformed one fails with the file, the path inside it and the reason. */
export const parseFrameworkFile = (file: string, text: string): FrameworkSource => {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new AppError(
      'framework_invalid',
      `Framework file ${file} is not valid YAML`,
      document.errors.map((e) => ({
        where: `${file}:${(e.linePos?.[0]?.line ?? 0) || '?'}`,
        reason: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  const parsed = Framework.safeParse(document.toJS());
  if (!parsed.success) {
    throw new AppError(
      'framework_invalid',
      `Framework file ${file} does not match the framework schema`,
      detailsFromZod(parsed.error, file),
    );
  }
  return { file, framework: parsed.data };
};

/** Reads every `*.yaml` framework file in a folder, in name order. */
export const readFrameworkFiles = async (dir: string = frameworkDataDir): Promise<FrameworkSource[]> => {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (name) => parseFrameworkFile(name, await readFile(join(dir, name), 'utf8'))));
};
