import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { accrueDay, dayOf, nextDay, startOfDay } from './charges.js';

/**
 * The day's recurring charges, written once the day is over: one job per day, due at the next
 * midnight (UTC, business clock), which queues every day after it up to today as it finishes. Jobs
 * run in the order they are due, so after a jump of the clock each missed day runs in turn, after
 * the orders that were due before its end. Today's is queued at start-up (`startAccruing`).
 */
const Payload = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
type Payload = z.infer<typeof Payload>;

export function accrueDayJob(deps: AppDeps): JobDefinition<Payload> {
  return {
    name: 'billing.accrue-day',
    parse: (p) => Payload.parse(p),
    // The long part, outside any transaction: a page of numbers at a time, idempotent.
    async prepare(ctx, { day }) {
      return accrueDay(deps, day, () => ctx.keepAlive());
    },
    async run(ctx, { day }) {
      await scheduleDaysAfter(deps, ctx.tx, day);
    },
    // A day that could not be accrued is left out (the log says why); the days after it are not.
    async giveUp(ctx, { day }) {
      await scheduleDaysAfter(deps, ctx.tx, day);
    },
  };
}

/** Enqueues the accrual of `day`, due when it is over (once: the key names the day). */
async function scheduleDay(deps: AppDeps, tx: Tx, day: string): Promise<void> {
  await deps.jobs.enqueue(
    tx,
    accrueDayJob(deps),
    { day },
    { runAt: startOfDay(nextDay(day)), dedupeKey: `billing.accrue-day:${day}` },
  );
}

/**
 * Enqueues each day after `day` up to today: after a jump of the clock, every missed day is queued
 * at once, each due at its own end, so the queue runs them in turn among the other jobs by due time.
 */
async function scheduleDaysAfter(deps: AppDeps, tx: Tx, day: string): Promise<void> {
  const today = dayOf(deps.clock.nowMs());
  for (let d = nextDay(day); ; d = nextDay(d)) {
    await scheduleDay(deps, tx, d);
    if (d >= today) return;
  }
}

/** At start-up: today's accrual is scheduled unless it already is (the chain of days goes on from there). */
export async function startAccruing(deps: AppDeps): Promise<void> {
  await inTransaction(deps.database.db, (tx) => scheduleDay(deps, tx, dayOf(deps.clock.nowMs())));
}

export function billingJobs(deps: AppDeps): JobDefinition<unknown>[] {
  return [accrueDayJob(deps)] as JobDefinition<unknown>[];
}
