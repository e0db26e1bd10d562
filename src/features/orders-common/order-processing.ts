import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { parseOrderJobPayload, type OrderJobPayload } from './order-jobs.js';
import { lockOpenOrder, type Order, type OrderKind } from './order-kind.js';
import { transition } from './order-lifecycle.js';
import { defineMachine } from './order-machine.js';
import { OrderCommonErrors } from './orders-common.errors.js';

/**
 * The machine and the job of the kinds that change the account's numbers in one processing round
 * (TN options, LIDB, and the number features to come): RECEIVED when accepted, PROCESSING while
 * the work runs, then COMPLETE (every number), PARTIAL (some: the others in the order's errors) or
 * FAILED (none). One table and one job, so these kinds differ only in their work.
 */
export type ProcessingStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const processingMachine = defineMachine<ProcessingStatus>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

/** Every status of a processing round (contract §11 lists them all for tnoptions, dldas, e911s). */
export const PROCESSING_NOTIFIES: readonly ProcessingStatus[] = [
  'RECEIVED',
  'PROCESSING',
  'COMPLETE',
  'PARTIAL',
  'FAILED',
];

/**
 * What a round did: how many numbers it changed and refused, and the order's details after it; a
 * kind with final statuses of its own (E911's ADJUSTED_*) names the one it ends in.
 */
export interface ProcessingResult<D, S extends string = ProcessingStatus> {
  readonly done: number;
  readonly refused: number;
  readonly details: D;
  readonly status?: S;
  /** Said after the counts in the final history note (what E911's geocoder corrected). */
  readonly remark?: string | undefined;
}

/** COMPLETE (every number), PARTIAL (some) or FAILED (none). */
export function roundOutcome(done: number, refused: number): 'COMPLETE' | 'PARTIAL' | 'FAILED' {
  return refused === 0 ? 'COMPLETE' : done === 0 ? 'FAILED' : 'PARTIAL';
}

/**
 * The job of a processing kind, in one transaction: a RECEIVED order to PROCESSING, the kind's
 * `work`, then the final status with the details it returned. Attempts used up (every one rolled
 * back): FAILED (5086). Kinds whose machine adds states to the shared one (E911's ADJUSTED_*,
 * DL/DA's CANCELLED and new rounds) use the same job.
 */
export function processingJob<S extends string, D>(
  deps: AppDeps,
  kind: ProcessingStatus extends S ? OrderKind<S, D> : never,
  name: string,
  work: (tx: Tx, order: Order<S, D>) => Promise<ProcessingResult<D, S>>,
): JobDefinition<OrderJobPayload> {
  const as = (s: ProcessingStatus) => s as S;
  return {
    name,
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: async (ctx, { orderId }) => {
      const received = await lockOpenOrder(ctx.tx.db, deps.database.dialect, kind, orderId);
      // Cancelled (or already processed) since the job was queued.
      if (received?.status !== 'RECEIVED') return;
      await transition(ctx.tx.db, deps.clock, kind, received, as('PROCESSING'), {
        note: 'Processing',
        author: 'System',
      });
      const order = { ...received, status: as('PROCESSING') };
      const r = await work(ctx.tx, order);
      const status = r.status ?? as(roundOutcome(r.done, r.refused));
      const counts = `${r.done} of ${r.done + r.refused} numbers`;
      const note = `${kind.label} order ${status.toLowerCase().replace('_', ' ')}: ${counts}${r.remark ? `; ${r.remark}` : ''}`;
      await transition(ctx.tx.db, deps.clock, kind, order, status, { note, author: 'System' }, r.details);
    },
    giveUp: async (ctx, { orderId }) => {
      const order = await lockOpenOrder(ctx.tx.db, deps.database.dialect, kind, orderId);
      if (order?.status !== 'RECEIVED') return;
      const e = OrderCommonErrors.orderProcessingFailed;
      await transition(ctx.tx.db, deps.clock, kind, order, as('FAILED'), {
        note: e.template,
        author: 'System',
      });
    },
  };
}
