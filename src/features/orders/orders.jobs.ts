import type { AppDeps } from '../../context.js';
import { withSavepoint, type Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { numbersByTn, TnStatus, transitionNumbers, type TnChange } from '../inventory/index.js';
import {
  parseOrderJobPayload,
  type OrderJobPayload,
  lockOpenOrder,
  transition,
  OrderCommonErrors,
  countCompleted,
  insertOrderNumbers,
  orderNumbers,
  type OrderNumber,
} from '../orders-common/index.js';
import { putInService } from '../assignments/index.js';
import { liveReservationsOf } from '../reservations/index.js';
import { findAvailableNumbers, parseSearch, readerOf } from '../search/index.js';
import { holdSipPeer } from '../sip-peers/index.js';
import { OrderErrors } from './orders.errors.js';
import { NEW_NUMBER_ORDERS, type NewNumberDetails, type NewNumberOrder } from './orders.kind.js';
import type { NewNumberStatus } from './orders.machine.js';

/**
 * Fulfilment of a new-number order, as a durable job (enqueued with the order, re-enqueued on a
 * schedule while backordered). In the job's one transaction: numbers move to in service on the
 * order's site and SIP peer by conditional updates (two orders racing for a number never both get
 * it), the order's numbers and errors are recorded, and the order moves to its next status. Running
 * it again for a final order does nothing.
 */
export const FULFIL_JOB = 'orders.fulfil';

/**
 * Rounds of search-then-claim. A round claims fewer than it found only when concurrent orders took
 * those numbers first (committed, so the next search skips them), so rounds always progress; the
 * cap only bounds a pathological pile-up.
 */
const CLAIM_ROUNDS = 64;

export function fulfilmentJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: FULFIL_JOB,
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, payload) => fulfilOrder(deps, ctx.tx, payload.orderId),
    giveUp: (ctx, payload) => abandonOrder(deps, ctx.tx, payload.orderId),
  };
}

export function orderJobs(deps: AppDeps): JobDefinition<OrderJobPayload>[] {
  return [fulfilmentJob(deps)];
}

/** Where an order that stops short (closed, given up) ends, by the numbers it got. */
export function endStatus(done: number, quantity: number): NewNumberStatus {
  return done >= quantity ? 'COMPLETE' : done > 0 ? 'PARTIAL' : 'FAILED';
}

/**
 * Order-level errors of a search order that ended short: 5018 when nothing was found, 5017 when
 * some was (existing-number orders report per number instead; a backorder is not over yet).
 */
export function shortfallErrors(
  details: NewNumberDetails,
  status: NewNumberStatus,
  completed: number,
): { code: number; description: string }[] {
  if (status === 'COMPLETE' || status === 'BACKORDERED' || status === 'RECEIVED') return [];
  if (details.orderType === 'existing') return [];
  const e = completed === 0 ? OrderErrors.orderNoneAvailable : OrderErrors.orderPartial;
  return [{ code: e.code, description: e.template }];
}

export function noteFor(status: NewNumberStatus, done: number, quantity: number): string {
  switch (status) {
    case 'COMPLETE':
      return `Order completed: ${done} of ${quantity} numbers`;
    case 'PARTIAL':
      return `Order partially filled: ${done} of ${quantity} numbers`;
    case 'FAILED':
      return `Order failed: ${done} of ${quantity} numbers`;
    case 'BACKORDERED':
      return `Order backordered - awaiting additional numbers (${done} of ${quantity})`;
    case 'RECEIVED':
      return 'Order received';
  }
}

/**
 * Fulfilment kept failing (every attempt rolled back): the order ends with the numbers earlier
 * attempts of a backorder obtained, and error 5086, rather than staying open for ever.
 */
async function abandonOrder(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const order = await lockOpenOrder(tx.db, deps.database.dialect, NEW_NUMBER_ORDERS, orderId);
  if (!order) return;
  const done = await countCompleted(tx.db, orderId);
  const next = endStatus(done, order.quantity);
  const e = OrderCommonErrors.orderProcessingFailed;
  await transition(
    tx.db,
    deps.clock,
    NEW_NUMBER_ORDERS,
    order,
    next,
    { note: `Order processing failed: ${done} of ${order.quantity} numbers`, author: 'System' },
    { ...order.details, errors: next === 'COMPLETE' ? [] : [{ code: e.code, description: e.template }] },
  );
}

interface Attempt {
  readonly claimed: number[];
  readonly failed: OrderNumber[];
}

async function claimExisting(
  deps: AppDeps,
  tx: Tx,
  order: NewNumberOrder,
  change: TnChange,
  alreadyCompleted: ReadonlySet<number>,
): Promise<Attempt> {
  // Numbers that failed before are tried again (a backorder waits for them to become free).
  const pending = (order.details.tns ?? []).filter((tn) => !alreadyCompleted.has(tn));
  // A reserved number goes to the account holding a live reservation of it, named in the order.
  const reservations = await liveReservationsOf(tx.db, order.accountId, deps.clock.now().toISOString(), {
    ids: order.details.reservationIds ?? [],
  });
  const result = await putInService(tx.db, deps.clock, pending, reservations, change);
  const rows = new Map((await numbersByTn(tx.db, result.refused)).map((r) => [r.tn, r]));
  const failed = result.refused.map((tn): OrderNumber => {
    const row = rows.get(tn);
    const error = !row
      ? OrderCommonErrors.orderTnNotOnSystem
      : row.status === TnStatus.reserved && row.account_id === order.accountId
        ? OrderErrors.orderTnReservedWithoutId
        : OrderErrors.orderTnUnavailable;
    return { tn, outcome: 'failed', errorCode: error.code, errorDescription: error.template };
  });
  return { claimed: result.changed.slice(), failed };
}

async function claimBySearch(
  deps: AppDeps,
  tx: Tx,
  details: NewNumberDetails,
  change: TnChange,
  wanted: number,
): Promise<Attempt> {
  const search = parseSearch({ ...details.search, quantity: String(wanted) }, deps.coverage);
  const reader = readerOf(deps, tx.db);
  const claimed: number[] = [];
  for (let round = 0; round < CLAIM_ROUNDS && claimed.length < wanted; round++) {
    const asked = wanted - claimed.length;
    const rows = await findAvailableNumbers(reader, { ...search, quantity: asked }, deps.coverage);
    const result = await transitionNumbers(
      tx.db,
      deps.clock,
      rows.map((r) => r.tn),
      { ...change, guard: { statuses: [TnStatus.available] } },
    );
    claimed.push(...result.changed);
    // The search found fewer than asked: that is all there is. (Fewer claimed than found means a
    // concurrent order took some first: look again.)
    if (rows.length < asked) break;
  }
  return { claimed, failed: [] };
}

export async function fulfilOrder(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const order = await lockOpenOrder(tx.db, deps.database.dialect, NEW_NUMBER_ORDERS, orderId);
  if (!order) return;
  const { clock } = deps;
  const { details } = order;
  // The SIP peer is held until the numbers are on it; deleted since the order was accepted: it fails.
  if (order.sipPeerId === undefined || !(await holdSipPeer(tx.db, deps.database.dialect, order.sipPeerId))) {
    const e = OrderErrors.orderPeerInvalid;
    await transition(
      tx.db,
      clock,
      NEW_NUMBER_ORDERS,
      order,
      'FAILED',
      { note: 'Order failed: its SIP peer no longer exists', author: 'System' },
      { ...details, errors: [{ code: e.code, description: e.template }] },
    );
    return;
  }
  // A first attempt has nothing recorded yet; a backorder's retry starts from what it has.
  const recorded = order.status === 'RECEIVED' ? [] : await orderNumbers(tx.db, orderId);
  const completedBefore = new Set(recorded.filter((r) => r.outcome === 'completed').map((r) => r.tn));
  const wanted = order.quantity - completedBefore.size;
  const change: TnChange = {
    to: TnStatus.inService,
    accountId: order.accountId,
    siteId: order.siteId ?? null,
    sipPeerId: order.sipPeerId,
    protected: details.tnAttributes.includes('Protected') ? true : undefined,
    order: { id: order.id, type: 'NEW_NUMBER_ORDER', createdAt: order.createdAt, status: 'COMPLETE' },
    userId: order.createdBy,
  };

  // All or nothing: claim inside a savepoint, to give the numbers back if the attempt falls short.
  const claim = () =>
    details.orderType === 'existing'
      ? claimExisting(deps, tx, order, change, completedBefore)
      : claimBySearch(deps, tx, details, change, wanted);
  const attempt: Attempt = details.partialAllowed
    ? await claim()
    : await withSavepoint(tx, 'order_fulfilment', async (rollback) => {
        const all = await claim();
        if (all.claimed.length < wanted && all.claimed.length > 0) {
          await rollback();
          return { claimed: [], failed: all.failed };
        }
        return all;
      });

  await insertOrderNumbers(
    tx.db,
    orderId,
    [...attempt.claimed.map((tn): OrderNumber => ({ tn, outcome: 'completed' })), ...attempt.failed],
    clock.now().toISOString(),
  );
  const total = completedBefore.size + attempt.claimed.length;
  const next: NewNumberStatus =
    total >= order.quantity
      ? 'COMPLETE'
      : details.backOrderRequested
        ? 'BACKORDERED'
        : total > 0 && details.partialAllowed
          ? 'PARTIAL'
          : 'FAILED';
  // A backorder that found nothing new stays as it is (no history row per retry).
  if (next !== 'BACKORDERED' || order.status !== 'BACKORDERED' || attempt.claimed.length > 0) {
    await transition(
      tx.db,
      clock,
      NEW_NUMBER_ORDERS,
      order,
      next,
      { note: noteFor(next, total, order.quantity), author: 'System' },
      { ...details, errors: shortfallErrors(details, next, total) },
    );
  }
  if (next === 'BACKORDERED') {
    await deps.jobs.enqueue(
      tx,
      fulfilmentJob(deps),
      { orderId },
      { runAt: clock.nowMs() + deps.config.orders.backorderRetryMs },
    );
  }
}
