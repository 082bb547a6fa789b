import { z } from 'zod';
import { AppError } from './errors.ts';
import { detailsFromZod } from './zod-issues.ts';

/** Limits shared by forms, the API and the importers. */
export const limits = {
  searchQueryLength: 200,
  frameworkImportBytes: 10 * 1024 * 1024,
} as const;

const port = z.coerce.number().int().min(0).max(65535);

/** Server and CLI configuration, validated once at start. Precedence: flags → environment → defaults. */
export const Config = z.object({
  port: port.default(3000),
  host: z.string().min(1).default('localhost'),
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  dataDir: z.string().min(1).default('./data'),
  production: z.boolean().default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Config>;

type Env = Record<string, string | undefined>;

/** Reads configuration from flags and the environment, failing with every problem listed. */
export const readConfig = (flags: Partial<Record<keyof Config, unknown>>, env: Env = process.env): Config => {
  const fromEnv = {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PATHWAYS_DATA_DIR,
    production: env.NODE_ENV === 'production' ? true : undefined,
    logLevel: env.LOG_LEVEL,
  };
  const merged = Object.fromEntries(Object.entries(fromEnv).map(([key, value]) => [key, flags[key as keyof Config] ?? value]));
  const parsed = Config.safeParse(merged);
  if (!parsed.success) throw new AppError('config_invalid', 'The configuration is not valid', detailsFromZod(parsed.error, 'config'));
  return parsed.data;
};
