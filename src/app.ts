import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { AppDeps } from './context.js';
import { seedDemo } from './demo/seed-demo.js';
import { featureJobs, featureRoutes, startFeatures } from './features/index.js';
import { deriveCoverage, loadCoverage } from './features/coverage/index.js';
import { VanityIndex } from './features/search/index.js';
import { buildInventory, inventoryCount } from './features/inventory/index.js';
import { credentialLoader } from './features/users/index.js';
import { DeliveryDispatcher } from './features/notifications/index.js';
import { ManualClock, type Clock } from './platform/clock.js';
import { readManualTime, restoreClock } from './platform/clock.store.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { BasicAuthenticator } from './platform/http/auth.js';
import type { ThrottlePolicy } from './platform/http/auth-throttle.js';
import { mountRoutes } from './platform/http/routes.js';
import { createHttpServer } from './platform/http/server.js';
import { JobQueue } from './platform/jobs/queue.js';
import { JobWorker } from './platform/jobs/worker.js';
import { loadReferenceData } from './platform/refdata/load.js';
import { loadSecretBox } from './platform/security/secret-box.js';

/** Both prefixes Bandwidth answered on (contract §1): the Node client's /api and the Ruby client's /v1.0. */
export const API_PREFIXES = ['/api', '/v1.0'] as const;

export interface App {
  readonly deps: AppDeps;
  readonly http: FastifyInstance;
  readonly worker: JobWorker;
  /** Sends notification deliveries (callbacks, e-mail, digests); runs with the worker role. */
  readonly dispatcher: DeliveryDispatcher;
  /** Starts the worker loop (if this process has the worker role). */
  start(): void;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Use this database instead of opening config.databaseUrl / dataDir (tests). */
  readonly database?: Database;
  /** Use this clock instead of the configured one (tests). */
  readonly clock?: Clock;
  /** Skip loading the reference data (tests that do not need it start faster). */
  readonly skipReferenceData?: boolean;
  /** Override the failed-login throttle (tests that send many wrong passwords on purpose). */
  readonly authThrottle?: Partial<ThrottlePolicy>;
  /** Progress of long start-up work (the first build of the demo inventory). */
  readonly onProgress?: (done: number, total: number, phase: string) => void;
}

/** Opens the database and brings it up to date: migrations, reference data, coverage derived from it. */
export async function prepareDatabase(config: Config, options: AppOptions = {}): Promise<Database> {
  const database = options.database ?? openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  if (!options.skipReferenceData) {
    await loadReferenceData(database);
    await deriveCoverage(database);
  }
  return database;
}

/**
 * The dependencies every operation receives, built once per process: the clock (restored from the
 * database unless given), the job queue, and the in-memory indexes (coverage model, vanity search).
 * The server, the CLI and the tests all build them here.
 */
export async function createDeps(config: Config, database: Database, clock?: Clock): Promise<AppDeps> {
  const businessClock = clock ?? (await restoreClock(database, config.clock));
  return {
    config,
    database,
    clock: businessClock,
    jobs: new JobQueue(businessClock),
    coverage: await loadCoverage(database),
    vanity: new VanityIndex(),
    secrets: loadSecretBox(config.secretKey, config.dataDir),
  };
}

/**
 * Composes the server: database, clock, job queue and worker, the HTTP app with every feature's
 * routes under /api and /v1.0, and the demo tenant when enabled. One build serves every role.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const database = await prepareDatabase(config, options);
  const deps = await createDeps(config, database, options.clock);
  const { clock, jobs } = deps;

  const authenticator = new BasicAuthenticator(credentialLoader(deps), options.authThrottle);
  const http = createHttpServer({
    authenticator,
    maxBodyBytes: config.http.maxBodyBytes,
    trustProxy: config.http.trustProxy,
    requestTimeoutMs: config.http.requestTimeoutMs,
    logLevel: config.logLevel,
  });
  const routes = featureRoutes(deps);
  for (const prefix of API_PREFIXES) mountRoutes(http, prefix, routes, { publicUrl: config.publicUrl });

  const worker = new JobWorker(database, clock, jobs, http.log, {
    pollMs: config.jobs.pollMs,
    leaseMs: config.jobs.leaseMs,
    concurrency: config.jobs.concurrency ?? (database.dialect === 'postgres' ? 4 : 1),
  });
  for (const def of featureJobs(deps)) worker.register(def);
  const dispatcher = new DeliveryDispatcher(deps, http.log);

  if (config.demo.enabled) {
    if (config.inventory.demoSize > 0 && (await inventoryCount(database)) === 0) {
      const size = config.inventory.demoSize;
      await buildInventory(database, { size, builtAt: clock.now(), onProgress: options.onProgress });
    }
    await seedDemo(deps, config.demo);
  }
  await startFeatures(deps);

  // A manual clock may be moved by another process (`bwdash clock advance`): follow it.
  let clockFollower: NodeJS.Timeout | undefined;
  return {
    deps,
    http,
    worker,
    dispatcher,
    start() {
      if (!config.roles.has('worker')) return;
      worker.start();
      dispatcher.start();
      if (clock instanceof ManualClock && !options.clock) {
        clockFollower = setInterval(() => {
          void readManualTime(database).then((ms) => {
            if (ms !== undefined && ms !== clock.nowMs()) {
              clock.sync(ms);
              worker.wake();
            }
          });
        }, config.jobs.pollMs);
      }
    },
    async close() {
      if (clockFollower) clearInterval(clockFollower);
      authenticator.close();
      await http.close();
      await worker.stop();
      await dispatcher.stop();
      if (!options.database) await database.close();
    },
  };
}
