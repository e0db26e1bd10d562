import type { Config } from './config.js';
import type { VanityIndex } from './features/search/index.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { JobQueue } from './platform/jobs/queue.js';
import type { SecretBox } from './platform/security/secret-box.js';
import type { Coverage } from './shared/coverage.js';

/**
 * What every operation is given: the configuration, the database, the clock, the job queue, and
 * the in-memory indexes built at start-up (the coverage model, the vanity-search index). Operations
 * take this plus plain input (never a request), so HTTP routes, jobs, the CLI, the demo seeding and
 * tests call the same code. Built once by `createDeps` (app.ts).
 */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly jobs: JobQueue;
  readonly coverage: Coverage;
  readonly vanity: VanityIndex;
  /** Seals the secrets the server must give back (callback passwords, signing secrets). */
  readonly secrets: SecretBox;
}
