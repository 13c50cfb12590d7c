/**
 * Every setting Fengxiang reads, in one table: its key in the config file, its environment variable, a
 * zod schema, a default and a description. The loader and `docs/configuration.md` are both built from it.
 */
import { z } from 'zod';
import { ITEM_KINDS } from '../domain/index.js';
import { DEFAULT_METRICS_ALLOW, isNetworkBlock } from '../platform/metrics/access.js';

/** Parses "true/false/1/0/yes/no" the way operators write them in environment files. */
const booleanFlag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), {
      message: 'expected true or false',
    })
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v)),
]);

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const databaseUrl = z
  .string()
  .trim()
  .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
    message: 'must start with sqlite: or postgres://',
  });
const redisUrl = z
  .string()
  .trim()
  .refine((v) => v === '' || /^rediss?:\/\//.test(v), { message: 'must start with redis:// or rediss://' });
const commaList = z.union([
  z.array(z.string()),
  z.string().transform((v) =>
    v
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  ),
]);
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown IANA time zone' },
);

const retentionDays = z.coerce.number().int().min(0);
const ITEM_KIND_NAMES: readonly string[] = ITEM_KINDS;
/** `kind=days,kind=days` (or an object in the config file) → days per item kind, kinds checked. */
const daysByItemKind = z
  .union([
    z.record(z.string(), z.coerce.number().int().min(0)),
    z.string().transform((text, ctx) => {
      const days: Record<string, number> = {};
      for (const part of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^([a-z]+)\s*=\s*(\d+)$/.exec(part);
        if (!match?.[1] || match[2] === undefined) {
          ctx.addIssue({ code: 'custom', message: `expected kind=days, got "${part}"` });
          return z.NEVER;
        }
        days[match[1]] = Number(match[2]);
      }
      return days;
    }),
  ])
  .refine((days) => Object.keys(days).every((kind) => ITEM_KIND_NAMES.includes(kind)), {
    message: `item kinds are ${ITEM_KIND_NAMES.join(', ')}`,
  });

/** One setting. `secret` settings also accept `<ENV>_FILE` and are never logged. */
export interface ConfigField {
  env: string;
  schema: z.ZodType;
  default: unknown;
  description: string;
  secret?: boolean;
}

/** The settings, keyed by their name in `fengxiang.config.json`. */
export const CONFIG_FIELDS = {
  host: {
    env: 'HOST',
    schema: z.string().min(1),
    default: '0.0.0.0',
    description: 'Address the server listens on.',
  },
  port: { env: 'PORT', schema: port, default: 8600, description: 'Port of the API and the console.' },
  dataDir: {
    env: 'DATA_DIR',
    schema: z.string().min(1),
    default: './data',
    description: 'Folder for the embedded database, the job queue file and other local files.',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    schema: databaseUrl,
    default: 'sqlite:./data/fengxiang.sqlite',
    description:
      'Main database: `sqlite:PATH` (embedded default) or `postgres://user:pass@host:5432/db` (server mode).',
    secret: true,
  },
  databaseStatementTimeoutMs: {
    env: 'DATABASE_STATEMENT_TIMEOUT_MS',
    schema: positiveInt,
    default: 30000,
    description: 'PostgreSQL statement timeout in milliseconds.',
  },
  redisUrl: {
    env: 'REDIS_URL',
    schema: redisUrl,
    default: '',
    description: 'When set, job queues run on Redis (BullMQ) for scale-out; otherwise in a SQLite file.',
    secret: true,
  },
  queuePrefix: {
    env: 'QUEUE_PREFIX',
    schema: z.string().min(1),
    default: 'fengxiang',
    description: 'Key prefix of the Redis queues (several installations can share one Redis).',
  },
  jobsSqlitePath: {
    env: 'JOBS_SQLITE_PATH',
    schema: z.string().min(1),
    default: './data/jobs.sqlite',
    description: 'File of the embedded job queue (used when REDIS_URL is empty).',
  },
  workerRoles: {
    env: 'WORKER_ROLES',
    schema: commaList,
    default: ['collect', 'analyse', 'deliver', 'report'],
    description:
      'Background roles this process runs (`serve` and `worker`); comma-separated in the environment.',
  },
  leaderTtlSeconds: {
    env: 'LEADER_TTL_SECONDS',
    schema: z.coerce.number().int().min(2).max(300),
    default: 10,
    description:
      'Lease of the scheduler leader: renewed every third of it; when the leader dies another process takes over within about this long.',
  },
  logLevel: { env: 'LOG_LEVEL', schema: logLevel, default: 'info', description: 'Log level (pino).' },
  timeZone: {
    env: 'TIME_ZONE',
    schema: timeZone,
    default: 'Asia/Shanghai',
    description: "The unit's time zone for dates without one and for report days.",
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    schema: positiveInt,
    default: 12,
    description: 'A console session ends after this many hours without use.',
  },
  cookieSecure: {
    env: 'COOKIE_SECURE',
    schema: booleanFlag,
    default: false,
    description: 'Mark the session cookie Secure (set true behind HTTPS).',
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    schema: booleanFlag,
    default: false,
    description: 'Trust X-Forwarded-* headers from a reverse proxy (for client IPs in the audit log).',
  },
  bodyLimitBytes: {
    env: 'BODY_LIMIT_BYTES',
    schema: positiveInt,
    default: 10 * 1024 * 1024,
    description: 'Largest request body accepted, in bytes.',
  },
  loginMaxFailures: {
    env: 'LOGIN_MAX_FAILURES',
    schema: positiveInt,
    default: 5,
    description: 'Failed logins per user name allowed within the login window before it is locked.',
  },
  loginMaxFailuresPerIp: {
    env: 'LOGIN_MAX_FAILURES_PER_IP',
    schema: positiveInt,
    default: 20,
    description: 'Failed logins per client address allowed within the login window.',
  },
  loginWindowMinutes: {
    env: 'LOGIN_WINDOW_MINUTES',
    schema: positiveInt,
    default: 15,
    description: 'Length of the login rate-limit window in minutes.',
  },
  rateLimitPerMinute: {
    env: 'RATE_LIMIT_PER_MINUTE',
    schema: positiveInt,
    default: 600,
    description: 'API requests per client per minute.',
  },
  fetchUserAgent: {
    env: 'FETCH_USER_AGENT',
    schema: z.string().min(1),
    default: 'Fengxiang/0.1 (public-opinion monitoring; self-hosted)',
    description:
      'User-Agent of every fetch; add a contact address of your office (e.g. `… (+mailto:office@example.gov.cn)`) so site owners can reach you.',
  },
  fetchTimeoutMs: {
    env: 'FETCH_TIMEOUT_MS',
    schema: positiveInt,
    default: 20000,
    description: 'Longest wait for one HTTP request of a collector, in milliseconds.',
  },
  fetchMaxBytes: {
    env: 'FETCH_MAX_BYTES',
    schema: positiveInt,
    default: 10 * 1024 * 1024,
    description: 'Largest response body a collector reads (after decompression), in bytes.',
  },
  fetchPerHostConcurrency: {
    env: 'FETCH_PER_HOST_CONCURRENCY',
    schema: positiveInt,
    default: 2,
    description: 'Requests in flight to one host at a time, per process.',
  },
  fetchPerHostIntervalMs: {
    env: 'FETCH_PER_HOST_INTERVAL_MS',
    schema: z.coerce.number().int().min(0),
    default: 1000,
    description:
      'Least time between two requests to one host, in milliseconds (robots.txt Crawl-delay raises it).',
  },
  fetchAllowPrivateHosts: {
    env: 'FETCH_ALLOW_PRIVATE_HOSTS',
    schema: commaList,
    default: [],
    description:
      'Hosts (`name` or `name:port`, comma-separated) that collectors may reach even though they resolve to private, loopback or link-local addresses, e.g. an intranet message board. Everything else on such addresses is refused.',
  },
  collectTickSeconds: {
    env: 'COLLECT_TICK_SECONDS',
    schema: positiveInt,
    default: 15,
    description: 'How often the scheduler looks for sources due to be fetched.',
  },
  collectPerHostPerTick: {
    env: 'COLLECT_PER_HOST_PER_TICK',
    schema: positiveInt,
    default: 2,
    description: 'Most sources of one host the scheduler starts per tick (spreads load on shared hosts).',
  },
  collectFailingAfter: {
    env: 'COLLECT_FAILING_AFTER',
    schema: positiveInt,
    default: 3,
    description:
      'Consecutive failed fetches after which a source counts as failing (and a health event is raised).',
  },
  authorStorage: {
    env: 'AUTHOR_STORAGE',
    schema: z.enum(['plain', 'hash']),
    default: 'plain',
    description:
      '`plain` keeps author names as the platform shows them; `hash` stores only a keyed hash (needs AUTHOR_HASH_KEY), so posts of one author can still be grouped without keeping the name.',
  },
  authorHashKey: {
    env: 'AUTHOR_HASH_KEY',
    schema: z.string(),
    default: '',
    description: 'Secret key of the author hash when AUTHOR_STORAGE=hash (at least 16 characters).',
    secret: true,
  },
  ingestMaxItems: {
    env: 'INGEST_MAX_ITEMS',
    schema: positiveInt,
    default: 5000,
    description: 'Most items accepted in one `POST /api/v1/ingest` request.',
  },
  smtpUrl: {
    env: 'SMTP_URL',
    schema: z
      .string()
      .trim()
      .refine((v) => v === '' || /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' }),
    default: '',
    description:
      'SMTP server for e-mail alerts, e.g. `smtp://user:pass@mail.example.cn:587`; empty disables e-mail channels.',
    secret: true,
  },
  smtpFrom: {
    env: 'SMTP_FROM',
    schema: z.string().trim(),
    default: '',
    description: 'Sender of e-mail alerts, e.g. `风向预警 <alerts@example.cn>`.',
  },
  alertTickSeconds: {
    env: 'ALERT_TICK_SECONDS',
    schema: positiveInt,
    default: 60,
    description:
      'How often time-driven alert checks run: spikes, coordinated posting, source health, quiet-hours release, escalation, and the sweep for stored items never evaluated.',
  },
  alertHorizonHours: {
    env: 'ALERT_HORIZON_HOURS',
    schema: positiveInt,
    default: 24,
    description:
      'Items published longer ago than this are matched and clustered but raise no alerts (so importing an archive does not page anyone).',
  },
  alertDeliveryLeaseSeconds: {
    env: 'ALERT_DELIVERY_LEASE_SECONDS',
    schema: positiveInt,
    default: 120,
    description:
      'How long a dispatcher holds an alert delivery it is sending. If the process dies mid-send, another dispatcher sends it again after this; receivers deduplicate by the delivery id. Keep it above ALERT_SEND_TIMEOUT_MS.',
  },
  alertSendTimeoutMs: {
    env: 'ALERT_SEND_TIMEOUT_MS',
    schema: positiveInt,
    default: 10000,
    description: 'Timeout of one alert delivery (webhook, robot or SMTP call).',
  },
  reportTickSeconds: {
    env: 'REPORT_TICK_SECONDS',
    schema: positiveInt,
    default: 30,
    description:
      'How often report schedules are checked for a due slot (daily at 17:00 by default) and due report e-mails are sent.',
  },
  reportFont: {
    env: 'REPORT_FONT',
    schema: z.string().trim(),
    default: '',
    description:
      'Path of a CJK font file (TTF, OTF or TTC) embedded in PDF reports and drawn in charts; empty looks for one (Debian fonts-noto-cjk, WenQuanYi, fontconfig).',
  },
  reportDeliveryMaxAttempts: {
    env: 'REPORT_DELIVERY_MAX_ATTEMPTS',
    schema: positiveInt,
    default: 6,
    description:
      'Attempts to e-mail an issued report to one recipient (retried after 1, 2, 4 … minutes, at most an hour apart) before the delivery is given up; the report stays in the console.',
  },
  metricsAllow: {
    env: 'METRICS_ALLOW',
    schema: commaList.refine((blocks) => blocks.every(isNetworkBlock), {
      message: 'expected comma-separated addresses or CIDR blocks, e.g. 10.0.0.0/8,fd00::/8',
    }),
    default: [...DEFAULT_METRICS_ALLOW],
    description:
      'Networks (CIDR blocks) that may read GET /metrics without a token, when connecting directly (never through a proxy); comma-separated. Default: loopback and private ranges. Empty: token only.',
  },
  metricsToken: {
    env: 'METRICS_TOKEN',
    schema: z.string().trim(),
    default: '',
    description:
      'Bearer token that lets a scraper read GET /metrics from any address (`Authorization: Bearer …`); empty: no token access.',
    secret: true,
  },
  metricsPort: {
    env: 'METRICS_PORT',
    schema: port,
    default: 0,
    description:
      'Port on which `fengxiang worker` serves GET /metrics (same access rules); 0: not served. `serve` answers /metrics on its API port.',
  },
  retentionItemsDays: {
    env: 'RETENTION_ITEMS_DAYS',
    schema: retentionDays,
    default: 0,
    description:
      'Items published longer ago than this many days are deleted by the daily `retention` task, except items held by open incidents, clues, appeals, open alerts or still-active events; 0 keeps items forever.',
  },
  retentionItemsByKind: {
    env: 'RETENTION_ITEMS_BY_KIND',
    schema: daysByItemKind,
    default: {},
    description:
      'Retention days for particular item kinds, overriding RETENTION_ITEMS_DAYS, e.g. `hot=30,comment=180,article=0` (0 keeps that kind forever). Kinds: article, post, comment, repost, message, hot.',
  },
  retentionEvidenceDays: {
    env: 'RETENTION_EVIDENCE_DAYS',
    schema: retentionDays,
    default: 0,
    description:
      'Evidence captures (extracted text, raw page, screenshot) of closed incidents and clues older than this many days are deleted; evidence of open cases is never deleted; 0 keeps evidence forever.',
  },
  retentionFetchRunsDays: {
    env: 'RETENTION_FETCH_RUNS_DAYS',
    schema: retentionDays,
    default: 90,
    description:
      'Fetch history and source health events are kept this many days (spike baselines read fetch history, so keep at least 30); 0 keeps them forever.',
  },
  retentionDeliveriesDays: {
    env: 'RETENTION_DELIVERIES_DAYS',
    schema: retentionDays,
    default: 90,
    description:
      'Alert deliveries that were sent or given up are kept this many days after their last attempt; pending ones are never deleted; 0 keeps them forever.',
  },
  retentionSessionsDays: {
    env: 'RETENTION_SESSIONS_DAYS',
    schema: retentionDays,
    default: 7,
    description:
      'Expired or revoked console sessions stay this many days (for the audit trail) before they are deleted; 0 keeps them forever.',
  },
  retentionBatchSize: {
    env: 'RETENTION_BATCH_SIZE',
    schema: positiveInt,
    default: 500,
    description:
      'Rows the retention task deletes per statement; small batches keep a live database responsive.',
  },
} as const satisfies Record<string, ConfigField>;

/** The name of a setting. */
export type ConfigKey = keyof typeof CONFIG_FIELDS;
