import type { Config } from './config.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { JobQueue } from './platform/jobs/queue.js';

/**
 * What every operation is given: the database, the clock and the job queue. Operations take this
 * plus plain input (never a request), so HTTP routes, jobs, the CLI and tests call the same code.
 */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly jobs: JobQueue;
}
