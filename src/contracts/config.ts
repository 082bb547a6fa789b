import { z } from 'zod';
import { AppError } from './errors.ts';
import { detailsFromZod } from './zod-issues.ts';

/** Limits shared by forms, the API and the importers. */
export const limits = {
  searchQueryLength: 200,
  frameworkImportBytes: 10 * 1024 * 1024,
} as const;

const port = z.coerce.number().int().min(0).max(65535);

/**
 * The address people reach this instance at, e.g. `https://pathways.trust.org.uk`: http(s), a host,
 * an optional port, nothing else (no path, query, fragment or credentials). Kept as its origin.
 */
export const PublicUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, like https://pathways.trust.org.uk' })
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !value.includes('?') && !value.includes('#')
      );
    },
    { error: 'must be just the address (scheme, host and port), without a path, query, fragment or credentials' },
  )
  .transform((value) => new URL(value).origin);

/** Shortest operator token a production instance accepts: 32 characters (`openssl rand -hex 32` gives 64). */
export const operatorTokenMinLength = 32;

/** An operator API token as configured: what an `Authorization: Bearer` header can carry. */
export const OperatorToken = z.string().regex(/^[\x21-\x7e]+$/, {
  error: 'must be printable ASCII without spaces (it is sent in an Authorization header), like the output of openssl rand -hex 32',
});

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
  /** Public address of the instance (for links in emails and single sign-on redirects); required in production. */
  publicUrl: PublicUrl.optional(),
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
  /**
   * The bearer token of the operator API (framework imports over HTTP); without it that API refuses
   * every request. Sent in an Authorization header, so printable ASCII without spaces. Never logged.
   */
  operatorToken: OperatorToken.optional(),
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
    operatorToken: env.PATHWAYS_OPERATOR_TOKEN || undefined,
  };
  const merged = Object.fromEntries(Object.entries(fromEnv).map(([key, value]) => [key, flags[key as keyof Config] ?? value]));
  const parsed = Config.safeParse(merged);
  if (!parsed.success) throw new AppError('config_invalid', 'The configuration is not valid', detailsFromZod(parsed.error, 'config'));
  return parsed.data;
};

/**
 * Refuses a production server without a public address: links in emails (password resets,
 * invitations, notifications) and single sign-on redirects are built from it, never from the
 * Host header a request happens to carry.
 */
export const requirePublicUrlInProduction = (config: Pick<Config, 'production' | 'publicUrl'>): void => {
  if (!config.production || config.publicUrl) return;
  throw new AppError('config_invalid', 'Production mode needs the public address of this instance, and none is configured', [
    {
      where: 'publicUrl',
      reason:
        'set PATHWAYS_PUBLIC_URL (or pathways serve --public-url) to the address people use, like https://pathways.trust.org.uk: links in emails are built from it',
    },
  ]);
};

/**
 * Refuses a production operator API with a guessable token: whoever holds it imports frameworks that
 * every trust sees. Unset is fine (the operator API is then off); the token itself is never echoed.
 */
export const requireStrongOperatorTokenInProduction = (config: Pick<Config, 'production' | 'operatorToken'>): void => {
  if (!config.production || config.operatorToken === undefined || config.operatorToken.length >= operatorTokenMinLength) return;
  throw new AppError('config_invalid', `Production mode refuses an operator token shorter than ${operatorTokenMinLength} characters`, [
    {
      where: 'operatorToken',
      reason: `set PATHWAYS_OPERATOR_TOKEN to at least ${operatorTokenMinLength} random characters (for example the output of openssl rand -hex 32), or unset it to turn the operator API off`,
    },
  ]);
};
