import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseWorkforceProportions, type WorkforceProportions } from './generate/proportions.ts';

/** Where the demo workforce's proportions live. */
export const proportionsFile = fileURLToPath(new URL('./generate/workforce-proportions.yaml', import.meta.url));

/** Reads and validates the demo workforce's proportions. */
export const readWorkforceProportions = async (file: string = proportionsFile): Promise<WorkforceProportions> =>
  parseWorkforceProportions(file, await readFile(file, 'utf8'));
