import type { Generated } from 'kysely';

/** Settings (clock, build stamps) and the durable job queue. */

export interface SettingsTable {
  key: string;
  value: string;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  dedupe_key: string | null;
  status: JobStatus;
  /** Business-clock time at which the job becomes due. */
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  /** Wall-clock lease expiry of a running job; a crashed worker's jobs are reclaimed after it. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
