import { randomUUID } from 'node:crypto';
import { type Clock, wallClockMs } from '../clock.js';
import type { Database, Executor } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import {
  claimDueJobs,
  extendLease,
  holdJob,
  markJobDone,
  markJobFailed,
  pruneDoneJobs,
  type Job,
} from './jobs.store.js';
import type { JobDefinition, JobQueue, PrepareContext } from './queue.js';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  readonly id?: string;
  /** How often to look for due jobs when nothing wakes the worker. */
  readonly pollMs?: number;
  /** Wall-clock lease of a claimed job; a job whose worker died is reclaimed after it. */
  readonly leaseMs?: number;
  /** Jobs claimed per round. */
  readonly batchSize?: number;
  /**
   * Jobs of a round run at once (each in its own transaction and connection). PostgreSQL gains
   * from several; SQLite has one connection, so more than one only interleaves.
   */
  readonly concurrency?: number;
  /** Done jobs are kept this long for inspection, then pruned. */
  readonly keepDoneMs?: number;
}

const DEFAULT_BACKOFF = { baseMs: 1_000, capMs: 10 * 60_000 };

/**
 * The worker loop: claims due jobs (FOR UPDATE SKIP LOCKED on PostgreSQL), runs each in a
 * transaction that also marks it done, and on failure reschedules it with capped exponential
 * back-off. Due times come from the business clock, leases from the wall clock.
 */
export class JobWorker {
  readonly id: string;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly keepDoneMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;
  private lastPrune = 0;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    private readonly log: WorkerLog,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `worker-${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 200;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 20;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.keepDoneMs = options.keepDoneMs ?? 7 * 86_400_000;
  }

  register<P>(def: JobDefinition<P>): this {
    if (this.definitions.has(def.name)) throw new Error(`job ${def.name} registered twice`);
    this.definitions.set(def.name, def);
    return this;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.queue.onEnqueued(() => this.wake());
    this.wake();
  }

  /** Stops claiming and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Looks for due jobs now (after an enqueue, or after the manual clock moved). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.rerun ? 0 : this.pollMs);
      this.rerun = false;
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.runDue()) > 0);
      await this.pruneDone();
    } catch (err) {
      this.log.error({ err, worker: this.id }, 'job worker round failed');
    }
  }

  /** Claims and runs one batch of due jobs; returns how many ran. Tests call it directly. */
  async runDue(): Promise<number> {
    const jobs = await this.claim();
    let next = 0;
    const lane = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        await this.execute(job);
        // Let requests in between: on SQLite every query runs on this thread, and a backlog of
        // jobs resolving one after another would otherwise hold off HTTP until it is done.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, lane));
    return jobs.length;
  }

  private async claim(): Promise<Job[]> {
    if (this.definitions.size === 0) return [];
    return claimDueJobs(this.database, {
      names: [...this.definitions.keys()],
      businessNow: this.clock.nowMs(),
      worker: this.id,
      leaseMs: this.leaseMs,
      limit: this.batchSize,
    });
  }

  private async execute(job: Job): Promise<void> {
    const def = this.definitions.get(job.name);
    if (!def) return;
    try {
      const payload = def.parse(JSON.parse(job.payload));
      let prepared: unknown;
      if (def.prepare) {
        const ctx = this.prepareContext(job);
        // The lease ran from the claim, perhaps behind other jobs of the batch: renew it first
        // (which also fails fast when another worker has taken the job meanwhile).
        await ctx.keepAlive();
        prepared = await def.prepare(ctx, payload);
      }
      await retryTransient(() => this.runOnce(job, def, payload, prepared));
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.log.warn({ job: job.id, worker: this.id }, 'job lease lost; effects rolled back');
      } else {
        await this.fail(job, def, err);
      }
    }
  }

  /** A job's work outside a transaction keeps its lease alive as it goes (wall clock). */
  private prepareContext(job: Job): PrepareContext {
    let leasedUntil = 0;
    return {
      clock: this.clock,
      jobId: job.id,
      attempt: job.attempts,
      keepAlive: async () => {
        if (leasedUntil - wallClockMs() > this.leaseMs / 2) return;
        const until = wallClockMs() + this.leaseMs;
        if (!(await extendLease(this.database.db, job, this.id, until))) throw new LeaseLostError(job.id);
        leasedUntil = until;
      },
    };
  }

  /** One run of a job in its transaction, which also marks it done. */
  private async runOnce(
    job: Job,
    def: JobDefinition<unknown>,
    payload: unknown,
    prepared: unknown,
  ): Promise<void> {
    await inTransaction(this.database.db, async (tx) => {
      // Hold the job row for the whole run, so no lease renewal is needed: on PostgreSQL a
      // reclaiming worker skips the locked row; on SQLite this transaction is the only writer.
      if (!(await holdJob(tx.db, this.database.dialect, job, this.id))) throw new LeaseLostError(job.id);
      await def.run({ tx, clock: this.clock, jobId: job.id, attempt: job.attempts, prepared }, payload);
      const done = await markJobDone(tx.db, job, this.id);
      // Our lease ran out and another worker took the job: undo our effects, theirs will count.
      if (!done) throw new LeaseLostError(job.id);
    });
  }

  private async fail(job: Job, def: JobDefinition<unknown>, err: unknown): Promise<void> {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    const final = job.attempts >= job.max_attempts;
    const backoff = def.backoff ?? DEFAULT_BACKOFF;
    const delay = Math.min(backoff.capMs, backoff.baseMs * 2 ** (job.attempts - 1));
    const jitter = delay * 0.2 * (Math.random() - 0.5);
    this.log[final ? 'error' : 'warn'](
      { job: job.id, name: job.name, attempt: job.attempts, err: message },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    const record = (db: Executor) =>
      markJobFailed(db, job, this.id, {
        final,
        retryAt: this.clock.nowMs() + Math.round(delay + jitter),
        error: message.slice(0, 4000),
      });
    const giveUp = final ? def.giveUp?.bind(def) : undefined;
    if (giveUp) {
      // Marked failed and given up on in one transaction, so a crash cannot leave one without the other.
      try {
        await inTransaction(this.database.db, async (tx) => {
          if (!(await record(tx.db))) return;
          const payload = def.parse(JSON.parse(job.payload));
          await giveUp({ tx, clock: this.clock, jobId: job.id, attempt: job.attempts }, payload, message);
        });
        return;
      } catch (giveUpErr) {
        this.log.error({ job: job.id, name: job.name, err: giveUpErr }, 'giving up on a job failed too');
      }
    }
    await record(this.database.db);
  }

  private async pruneDone(): Promise<void> {
    const wall = wallClockMs();
    if (wall - this.lastPrune < 10 * 60_000) return;
    this.lastPrune = wall;
    await pruneDoneJobs(this.database.db, wall - this.keepDoneMs);
  }
}

/**
 * PostgreSQL aborts one of two transactions that deadlock (40P01) or cannot be serialised (40001);
 * nothing is wrong with the job, and running it again at once succeeds. Two workers fulfilling
 * orders that contend for the same numbers can meet this; a back-off on the business clock would
 * leave the order waiting for nothing.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001']);
const TRANSIENT_RETRIES = 3;

async function retryTransient(run: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt > TRANSIENT_RETRIES || typeof code !== 'string' || !TRANSIENT_CODES.has(code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`lease of job ${jobId} was lost`);
  }
}
