import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.js';
import type { Tx } from '../db/transaction.js';
import { insertJob } from './jobs.store.js';

/**
 * Durable jobs. A job is a row in `jobs`, written in the same transaction as the state change that
 * causes it, so a committed change always has its follow-up work and a rolled-back one never does.
 */
export interface JobContext {
  readonly tx: Tx;
  readonly clock: Clock;
  readonly jobId: number;
  /** 1 on the first run. */
  readonly attempt: number;
  /** What `prepare` returned, when the job has one. */
  readonly prepared?: unknown;
}

/** What a job's long work outside any transaction has (see JobDefinition.prepare). */
export interface PrepareContext {
  readonly clock: Clock;
  readonly jobId: number;
  readonly attempt: number;
  /** Extends the job's lease when half of it is spent; throws when another worker has taken the job. */
  keepAlive(): Promise<void>;
}

export interface JobDefinition<P> {
  /** Constant name stored with the job. */
  readonly name: string;
  /** Validates the stored payload when the job runs (payloads are small: ids, not objects). */
  parse(payload: unknown): P;
  /**
   * The work. It runs inside a transaction that also marks the job done, so its database effects
   * commit exactly once even if the process dies mid-run; side effects outside the database must be
   * idempotent.
   */
  run(ctx: JobContext, payload: P): Promise<void>;
  /**
   * Long work done before `run`, outside any transaction (so that other requests keep the
   * database meanwhile: producing a report file, reading its rows a page at a time). It must be
   * idempotent (a retry, or another worker after a crash, does it again from the start), call
   * `keepAlive` as it goes, and leave its results where `run` finishes the job in one transaction
   * (what it returns reaches `run` as `ctx.prepared`).
   */
  prepare?(ctx: PrepareContext, payload: P): Promise<unknown>;
  /**
   * Runs once, in the transaction that marks the job failed for good (its attempts are used up):
   * where the job was the way to a final state (an order's fulfilment), it gets there anyway.
   */
  giveUp?(ctx: JobContext, payload: P, error: string): Promise<void>;
  readonly maxAttempts?: number;
  /** Back-off after a failure: base * 2^(attempt-1), capped; from the business clock. */
  readonly backoff?: { readonly baseMs: number; readonly capMs: number };
}

export interface EnqueueOptions {
  /** Business-clock time at which the job is due (default: now). */
  readonly runAt?: number;
  /** At most one pending or running job per key; a duplicate enqueue is ignored. */
  readonly dedupeKey?: string;
}

export class JobQueue {
  private readonly signal = new EventEmitter();
  constructor(private readonly clock: Clock) {}

  /** Adds a job inside `tx`; workers in this process are woken once it commits. */
  async enqueue<P>(tx: Tx, def: JobDefinition<P>, payload: P, options: EnqueueOptions = {}): Promise<void> {
    await insertJob(tx.db, {
      name: def.name,
      payload,
      runAt: options.runAt ?? this.clock.nowMs(),
      dedupeKey: options.dedupeKey,
      maxAttempts: def.maxAttempts ?? 10,
    });
    tx.afterCommit(() => this.signal.emit('enqueued'));
  }

  /**
   * Adds a job known only by its name: the continuation another module registered (a call's answer
   * is handed to the job its requester named). Its definition's attempts do not apply: it gets 10.
   */
  async enqueueNamed(tx: Tx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    await this.enqueue(tx, { name, parse: (p) => p, run: () => Promise.resolve() }, payload, options);
  }

  onEnqueued(listener: () => void): () => void {
    this.signal.on('enqueued', listener);
    return () => this.signal.off('enqueued', listener);
  }
}
