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
  /** Master secret (base64), or a file holding it; never stored in the database. */
  secretKey: z.string().min(1).optional(),
  secretKeyFile: z.string().min(1).optional(),
  /** Public address of the instance (for links in emails and single sign-on redirects). */
  publicUrl: z.url().optional(),
  /** Outgoing mail; without it messages stay in the outbox for admins to see. */
  smtpUrl: z.url({ protocol: /^smtps?$/ }).optional(),
  mailFrom: z.string().min(3).default('Pathways <no-reply@pathways.invalid>'),
  /** Largest staff-import file accepted. */
  importMaxBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Largest attachment accepted (evidence files, certificates, audio and video notes). */
  attachmentMaxBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
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
    secretKey: env.PATHWAYS_SECRET_KEY || undefined,
    secretKeyFile: env.PATHWAYS_SECRET_KEY_FILE || undefined,
    publicUrl: env.PATHWAYS_PUBLIC_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    importMaxBytes: env.PATHWAYS_IMPORT_MAX_BYTES || undefined,
    attachmentMaxBytes: env.PATHWAYS_ATTACHMENT_MAX_BYTES || undefined,
  };
  const merged = Object.fromEntries(Object.entries(fromEnv).map(([key, value]) => [key, flags[key as keyof Config] ?? value]));
  const parsed = Config.safeParse(merged);
  if (!parsed.success) throw new AppError('config_invalid', 'The configuration is not valid', detailsFromZod(parsed.error, 'config'));
  return parsed.data;
};
