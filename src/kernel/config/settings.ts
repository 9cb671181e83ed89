import { z } from 'zod';

/** One setting: where it comes from, its type and default, and whether it is a secret. */
export interface Setting<T extends z.ZodType = z.ZodType> {
  env: string;
  flag?: string;
  schema: T;
  description: string;
  secret?: boolean;
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const pgUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://');

/** Every setting Tandem reads, in the order `tandem config` prints them. */
export const settings = {
  port: { env: 'TANDEM_PORT', flag: 'port', schema: int(0, 65535).default(3000), description: 'HTTP port' },
  host: {
    env: 'TANDEM_HOST',
    flag: 'host',
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'Interface to listen on (0.0.0.0 for all)',
  },
  dataDir: {
    env: 'TANDEM_DATA_DIR',
    flag: 'data-dir',
    schema: z.string().min(1).default('./data'),
    description: 'Folder of the embedded database (PGlite) and local files',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    flag: 'database-url',
    schema: pgUrl.optional(),
    description: 'PostgreSQL server URL; unset = embedded PGlite in the data folder',
    secret: true,
  },
  readDatabaseUrl: {
    env: 'READ_DATABASE_URL',
    schema: pgUrl.optional(),
    description: 'Read replica for analytics queries; unset = primary',
    secret: true,
  },
  dbPoolSize: { env: 'TANDEM_DB_POOL_SIZE', schema: int(1, 500).default(10), description: 'PostgreSQL connections per process' },
  publicUrl: {
    env: 'TANDEM_PUBLIC_URL',
    flag: 'public-url',
    schema: z.url().optional(),
    description: 'Base URL users reach Tandem at (links in emails); default http://localhost:PORT',
  },
  secretKey: {
    env: 'TANDEM_SECRET_KEY',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description: 'Key that signs tokens; unset = generated once and kept in the database',
    secret: true,
  },
  smtpUrl: {
    env: 'SMTP_URL',
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    description: 'SMTP relay; unset = mail goes to the in-app outbox',
    secret: true,
  },
  mailFrom: {
    env: 'TANDEM_MAIL_FROM',
    schema: z.string().default('Tandem <tandem@localhost>'),
    description: 'Default From address for system mail',
  },
  bounceDomain: {
    env: 'BOUNCE_DOMAIN',
    schema: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, 'must be a domain name, e.g. bounces.example.com')
      .optional(),
    description: 'Domain of the VERP return path (bounces+<message id>@domain); the bounce receiver accepts mail only for it',
  },
  bounceSmtpPort: {
    env: 'BOUNCE_SMTP_PORT',
    schema: int(0, 65535).optional(),
    description: 'Port of the bounce SMTP receiver started by the server and workers; unset = no receiver',
  },
  bounceSmtpHost: {
    env: 'BOUNCE_SMTP_HOST',
    schema: z.string().min(1).default('0.0.0.0'),
    description: 'Interface the bounce SMTP receiver listens on',
  },
  bounceMaxBytes: {
    env: 'BOUNCE_SMTP_MAX_BYTES',
    schema: int(1024, 50 * 1024 * 1024).default(10 * 1024 * 1024),
    description: 'Largest message the bounce receiver accepts (552 above it)',
  },
  logLevel: {
    env: 'TANDEM_LOG_LEVEL',
    flag: 'log-level',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Log level',
  },
  workerConcurrency: {
    env: 'TANDEM_WORKER_CONCURRENCY',
    flag: 'concurrency',
    schema: int(0, 256).default(4),
    description: 'Jobs run at once per process (0 = no workers in `start`)',
  },
  jobLeaseSeconds: {
    env: 'TANDEM_JOB_LEASE_SECONDS',
    schema: int(1, 86400).default(60),
    description: 'How long a claimed job is held before another worker may retry it',
  },
  bodyLimit: {
    env: 'TANDEM_BODY_LIMIT_BYTES',
    schema: int(1024, 2 ** 31).default(1024 * 1024),
    description: 'Largest JSON request body (413 above)',
  },
  corsOrigins: {
    env: 'TANDEM_CORS_ORIGINS',
    schema: z.string().default(''),
    description: 'Comma-separated origins allowed by CORS; empty = CORS off',
  },
  sessionTtlHours: { env: 'TANDEM_SESSION_TTL_HOURS', schema: int(1, 24 * 365).default(24 * 14), description: 'Session lifetime in hours' },
  trustProxy: {
    env: 'TANDEM_TRUST_PROXY',
    schema: bool.default(false),
    description: 'Trust X-Forwarded-* headers (behind a reverse proxy)',
  },
  verifyResponses: {
    env: 'TANDEM_VERIFY_RESPONSES',
    schema: bool.default(false),
    description: 'Serialize every response both fast and through zod and fail on any difference (the tests turn it on)',
  },
  metricsToken: {
    env: 'TANDEM_METRICS_TOKEN',
    schema: z.string().min(16).optional(),
    description: 'Bearer token required by /metrics; unset = /metrics answers loopback only',
    secret: true,
  },
  demo: {
    env: 'TANDEM_DEMO',
    flag: 'demo',
    schema: bool.default(false),
    description: 'On an empty database, create the demo workspace and print its login',
  },
  trackingIpLimit: {
    env: 'TANDEM_TRACKING_IP_LIMIT',
    schema: int(1, 10_000_000).default(600),
    description: 'Tracking hits accepted per client IP per minute (per process); more are dropped with 429',
  },
  trackingSiteLimit: {
    env: 'TANDEM_TRACKING_SITE_LIMIT',
    schema: int(1, 10_000_000).default(2000),
    description: 'Tracking hits accepted per site per second (per process); more are dropped with 429',
  },
} satisfies Record<string, Setting>;

export type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };
