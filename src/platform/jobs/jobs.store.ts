import type { Selectable } from 'kysely';
import { wallClockMs } from '../clock.js';
import type { Database, Dialect, Executor } from '../db/database.js';
import type { JobsTable } from '../db/tables.js';
import { asClaim } from '../db/transaction.js';

/** The queries of the durable job queue: enqueue, claim, hold, finish, prune. */
export type Job = Selectable<JobsTable>;

export async function insertJob(
  db: Executor,
  job: { name: string; payload: unknown; runAt: number; dedupeKey?: string | undefined; maxAttempts: number },
): Promise<void> {
  const now = wallClockMs();
  await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey ?? null,
      status: 'pending',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface ClaimRequest {
  readonly names: readonly string[];
  /** Business-clock now: pending jobs due by then are claimed. */
  readonly businessNow: number;
  readonly worker: string;
  readonly leaseMs: number;
  readonly limit: number;
}

/**
 * Claims due jobs (pending and due, or running with an expired lease) for `worker`: their attempt
 * count goes up and they are leased for `leaseMs` of wall-clock time.
 */
export async function claimDueJobs(database: Database, r: ClaimRequest): Promise<Job[]> {
  const { db, dialect } = database;
  const wall = wallClockMs();
  const due = asClaim(
    db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', r.businessNow)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', wall)]),
        ]),
      )
      .where('name', 'in', [...r.names])
      .orderBy('run_at')
      .orderBy('id')
      .limit(r.limit),
    dialect,
  );
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: r.worker,
      locked_until: wall + r.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: wall,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/** Locks the job's row for the caller's transaction while it is still this worker's claim. */
export async function holdJob(db: Executor, dialect: Dialect, job: Job, worker: string): Promise<boolean> {
  const mine = await asClaim(
    db
      .selectFrom('jobs')
      .select('id')
      .where('id', '=', job.id)
      .where('locked_by', '=', worker)
      .where('attempts', '=', job.attempts),
    dialect,
  ).executeTakeFirst();
  return mine !== undefined;
}

/** Extends this worker's lease of the job to `until` (wall clock); false when the claim was lost. */
export async function extendLease(db: Executor, job: Job, worker: string, until: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: until })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks this worker's run of the job done; false when the claim was lost meanwhile. */
export async function markJobDone(db: Executor, job: Job, worker: string): Promise<boolean> {
  const done = await db
    .updateTable('jobs')
    .set({ status: 'done', dedupe_key: null, locked_by: null, locked_until: null, updated_at: wallClockMs() })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Records a failed run: failed for good, or pending again at `retryAt` (business clock). */
export async function markJobFailed(
  db: Executor,
  job: Job,
  worker: string,
  f: { final: boolean; retryAt: number; error: string },
): Promise<boolean> {
  const marked = await db
    .updateTable('jobs')
    .set({
      status: f.final ? 'failed' : 'pending',
      run_at: f.final ? job.run_at : f.retryAt,
      dedupe_key: f.final ? null : job.dedupe_key,
      locked_by: null,
      locked_until: null,
      last_error: f.error,
      updated_at: wallClockMs(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  return Number(marked.numUpdatedRows) === 1;
}

/** Deletes done jobs last updated before `before` (wall clock). */
export async function pruneDoneJobs(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', before).execute();
}
