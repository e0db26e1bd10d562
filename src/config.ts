import path from 'node:path';
import { type ClockMode, parseDuration } from './platform/clock.js';
import { redactUrl } from './platform/db/database.js';
import { parseInventorySize } from './shared/sizes.js';

/**
 * Environment variables and flags -> one typed configuration. Every setting has a default that
 * makes `npm start` work with nothing configured; `bwdash config` prints the effective values.
 */
export type ServerRole = 'api' | 'worker';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** postgres://… to use PostgreSQL; unset for the embedded SQLite database in dataDir. */
  readonly databaseUrl: string | undefined;
  /** Base URL used in Location headers and paging links; default: taken from each request. */
  readonly publicUrl: string | undefined;
  readonly roles: ReadonlySet<ServerRole>;
  readonly demo: {
    readonly enabled: boolean;
    readonly accountId: string;
    readonly username: string;
    readonly password: string;
  };
  readonly clock: {
    readonly mode: ClockMode;
    readonly factor: number;
    /** Business time at start (accelerated / first manual start); default: now. */
    readonly start: number | undefined;
  };
  readonly http: {
    readonly maxBodyBytes: number;
    readonly trustProxy: boolean;
    /** Time a client has to send a whole request, headers and body (408 and a closed connection after). */
    readonly requestTimeoutMs: number;
  };
  readonly jobs: {
    readonly pollMs: number;
    readonly leaseMs: number;
    /** Jobs run at once per process; default 4 on PostgreSQL, 1 on SQLite (one connection). */
    readonly concurrency: number | undefined;
  };
  readonly inventory: {
    /** Numbers in the demo inventory built at first start (with the demo on); 0 builds none. */
    readonly demoSize: number;
  };
  readonly orders: {
    /** How often a backordered order looks for numbers again (business time). */
    readonly backorderRetryMs: number;
    /** How long a disconnected number ages before it is available again (business time). */
    readonly agingPeriodMs: number;
  };
  readonly porting: {
    /** Who answers for the losing carriers: a simulated carrier, or the operator's porting desk (CLI). */
    readonly mode: 'simulated' | 'desk';
    /** How long the simulated carrier takes to answer, in business time (8:00–17:00 Eastern, business days). */
    readonly carrierDelayMs: number;
    /** Port-out validation (contract §12): how long its endpoint has to answer (30 s documented). */
    readonly validationTimeoutMs: number;
    /** Attempts to reach an unreachable validation endpoint (the first and 8 retries), and the wait between. */
    readonly validationAttempts: number;
    readonly validationRetryMs: number;
  };
  /** Key of the secrets the server must give back (callback passwords); default: DATA_DIR/secret.key. */
  readonly secretKey: string | undefined;
  readonly notifications: {
    /** A callback attempt that has not answered by then fails. */
    readonly callbackTimeoutMs: number;
    /** Attempts of one delivery before it is recorded failed. */
    readonly attempts: number;
    /** Back-off between attempts: base * 2^(attempt-1), capped (business clock). */
    readonly retryBaseMs: number;
    readonly retryCapMs: number;
    /** false: refuse callbacks to loopback, link-local and private addresses (after DNS resolution). */
    readonly allowPrivate: boolean;
    /** Sends in flight per process, and per target host (a slow receiver never holds up others). */
    readonly concurrency: number;
    readonly perHostConcurrency: number;
    readonly pollMs: number;
    /** smtp:// or smtps:// URL; unset: messages are written as .eml files under DATA_DIR/mail. */
    readonly smtpUrl: string | undefined;
    readonly mailFrom: string;
    /** Time of day (HH:MM) and time zone of the daily digests. */
    readonly digestAt: string;
    readonly digestTz: string;
    /** Finished deliveries and their attempts are pruned after this long (business clock). */
    readonly retentionMs: number;
  };
  readonly logLevel: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`expected a boolean, got '${value}'`);
}

function int(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer in ${min}..${max}, got '${value}'`);
  return n;
}

function clockMode(value: string | undefined): ClockMode {
  const mode = (value ?? 'real').toLowerCase();
  if (mode === 'real' || mode === 'accelerated' || mode === 'manual') return mode;
  throw new Error(`CLOCK_MODE must be real, accelerated or manual, got '${value}'`);
}

function roles(value: string | undefined): Set<ServerRole> {
  const list = (value ?? 'api,worker')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const r of list)
    if (r !== 'api' && r !== 'worker') throw new Error(`unknown role '${r}' (api, worker)`);
  if (list.length === 0) throw new Error('at least one role is required (api, worker)');
  return new Set(list as ServerRole[]);
}

function duration(name: string, value: string | undefined, fallback: number, min: number): number {
  if (!value) return fallback;
  const ms = parseDuration(value);
  if (ms < min) throw new Error(`${name} must be at least ${min} ms, got '${value}'`);
  return ms;
}

function time(name: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${name} must be an ISO-8601 date-time, got '${value}'`);
  return ms;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: int('PORT', env.PORT, 8080, 0, 65535),
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'var'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    roles: roles(env.ROLES),
    demo: {
      enabled: bool(env.DEMO, true),
      accountId: env.DEMO_ACCOUNT_ID ?? '9900000',
      username: env.DEMO_USER ?? 'demo',
      password: env.DEMO_PASSWORD ?? 'demo',
    },
    clock: {
      mode: clockMode(env.CLOCK_MODE),
      factor: Number(env.CLOCK_FACTOR ?? '60'),
      start: time('CLOCK_START', env.CLOCK_START),
    },
    http: {
      maxBodyBytes: int('MAX_BODY_BYTES', env.MAX_BODY_BYTES, 1024 * 1024, 1024),
      trustProxy: bool(env.TRUST_PROXY, false),
      requestTimeoutMs: duration('REQUEST_TIMEOUT', env.REQUEST_TIMEOUT, 30_000, 100),
    },
    jobs: {
      pollMs: env.JOB_POLL ? parseDuration(env.JOB_POLL) : 200,
      leaseMs: env.JOB_LEASE ? parseDuration(env.JOB_LEASE) : 60_000,
      concurrency: env.JOB_CONCURRENCY ? int('JOB_CONCURRENCY', env.JOB_CONCURRENCY, 1, 1, 64) : undefined,
    },
    orders: {
      backorderRetryMs: parseDuration(env.BACKORDER_RETRY ?? '15m'),
      agingPeriodMs: parseDuration(env.AGING_PERIOD ?? '90d'),
    },
    porting: {
      mode: portingMode(env.PORTING_MODE ?? 'simulated'),
      carrierDelayMs: duration('PORT_CARRIER_DELAY', env.PORT_CARRIER_DELAY, 4 * 3_600_000, 0),
      validationTimeoutMs: duration(
        'PORTOUT_VALIDATION_TIMEOUT',
        env.PORTOUT_VALIDATION_TIMEOUT,
        30_000,
        100,
      ),
      validationAttempts: int('PORTOUT_VALIDATION_ATTEMPTS', env.PORTOUT_VALIDATION_ATTEMPTS, 9, 1, 100),
      validationRetryMs: duration('PORTOUT_VALIDATION_RETRY', env.PORTOUT_VALIDATION_RETRY, 5 * 60_000, 0),
    },
    inventory: { demoSize: env.INVENTORY_SIZE === '0' ? 0 : parseInventorySize(env.INVENTORY_SIZE ?? '1m') },
    secretKey: env.SECRET_KEY || undefined,
    notifications: {
      callbackTimeoutMs: duration('CALLBACK_TIMEOUT', env.CALLBACK_TIMEOUT, 10_000, 100),
      attempts: int('CALLBACK_RETRIES', env.CALLBACK_RETRIES, 8, 1, 100),
      retryBaseMs: duration('CALLBACK_RETRY_BASE', env.CALLBACK_RETRY_BASE, 40_000, 0),
      retryCapMs: duration('CALLBACK_RETRY_CAP', env.CALLBACK_RETRY_CAP, 10 * 60_000, 0),
      allowPrivate: bool(env.CALLBACK_ALLOW_PRIVATE, true),
      concurrency: int('DELIVERY_CONCURRENCY', env.DELIVERY_CONCURRENCY, 64, 1, 1024),
      perHostConcurrency: int('CALLBACK_HOST_CONCURRENCY', env.CALLBACK_HOST_CONCURRENCY, 8, 1, 1024),
      pollMs: duration('DELIVERY_POLL', env.DELIVERY_POLL, 100, 10),
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.MAIL_FROM ?? 'Bandwidth Dashboard <notifications@localhost>',
      digestAt: timeOfDay(env.DIGEST_AT ?? '08:00'),
      digestTz: timeZone(env.DIGEST_TZ ?? 'America/New_York'),
      retentionMs: duration('DELIVERY_RETENTION', env.DELIVERY_RETENTION, 30 * 86_400_000, 60_000),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function portingMode(value: string): 'simulated' | 'desk' {
  if (value === 'simulated' || value === 'desk') return value;
  throw new Error(`PORTING_MODE must be simulated or desk, got '${value}'`);
}

function timeOfDay(value: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw new Error(`DIGEST_AT must be HH:MM, got '${value}'`);
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2]}`;
}

function timeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new Error(`DIGEST_TZ must be an IANA time zone such as America/New_York, got '${value}'`);
  }
  return value;
}

/** The configuration as printed by `bwdash config`: secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    roles: [...config.roles],
    databaseUrl: config.databaseUrl ? redactUrl(config.databaseUrl) : '(embedded SQLite in dataDir)',
    demo: { ...config.demo, password: config.demo.password ? '***' : '' },
    secretKey: config.secretKey ? '***' : '(DATA_DIR/secret.key)',
    notifications: {
      ...config.notifications,
      smtpUrl: config.notifications.smtpUrl
        ? redactUrl(config.notifications.smtpUrl)
        : '(.eml files in DATA_DIR/mail)',
    },
    clock: {
      ...config.clock,
      start: config.clock.start ? new Date(config.clock.start).toISOString() : undefined,
    },
  };
}
