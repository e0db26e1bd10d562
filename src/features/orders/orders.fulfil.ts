import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { putInService, transitionNumbers, type TnChange } from '../inventory/inventory.service.js';
import { findNumbers } from '../inventory/inventory.store.js';
import { lockPeerShared } from '../sip-peers/sip-peers.store.js';
import { TnStatus } from '../inventory/tn-status.js';
import { lockOpenOrder, parseOrderJobPayload, type OrderJobPayload } from '../orders-common/order-jobs.js';
import { transition } from '../orders-common/order-machine.js';
import {
  countCompleted,
  insertOrderNumbers,
  orderNumbers,
  type OrderNumberRow,
} from '../orders-common/order-records.store.js';
import { findLiveReservations } from '../reservations/reservations.store.js';
import { parseSearch } from '../search/search.criteria.js';
import { findAvailableNumbers } from '../search/search.service.js';
import { readerOf } from '../search/search.store.js';
import { newNumberOrderMachine, type NewNumberStatus } from './orders.machine.js';
import type { NewNumberDetails } from './orders.rules.js';
import { OrderErrors } from './orders.errors.js';
import { OrderCommonErrors } from '../orders-common/orders-common.errors.js';

/**
 * Fulfilment of a new-number order, as a durable job (enqueued with the order, re-enqueued on a
 * schedule while backordered). In the job's one transaction: numbers move to in service on the
 * order's site and SIP peer by conditional updates (two orders racing for a number never both get
 * it), the order's numbers and errors are recorded, and the order moves to its next status. Running
 * it again for a final order does nothing.
 */
const SAVEPOINT = 'order_fulfilment';
/**
 * Rounds of search-then-claim. A round claims fewer than it found only when concurrent orders took
 * those numbers first (committed, so the next search skips them), so rounds always progress; the
 * cap only bounds a pathological pile-up.
 */
const CLAIM_ROUNDS = 64;

export function orderFulfilmentJob(deps: AppDeps): JobDefinition<OrderJobPayload> {
  return {
    name: 'orders.fulfil',
    maxAttempts: 5,
    parse: parseOrderJobPayload,
    run: (ctx, payload) => fulfilOrder(deps, ctx.tx, payload.orderId),
    giveUp: (ctx, payload) => abandonOrder(deps, ctx.tx, payload.orderId),
  };
}

/**
 * Fulfilment kept failing (every attempt rolled back): the order ends with the numbers earlier
 * attempts of a backorder obtained, and error 5086, rather than staying open for ever.
 */
async function abandonOrder(deps: AppDeps, tx: Tx, orderId: string): Promise<void> {
  const row = await lockOpenOrder(tx.db, deps.database.dialect, newNumberOrderMachine, orderId);
  if (!row) return;
  const { status } = row;
  const done = await countCompleted(tx.db, orderId);
  const next = endStatus(done, row.quantity);
  const e = OrderCommonErrors.orderProcessingFailed;
  const details = JSON.parse(row.details) as NewNumberDetails;
  await transition(
    tx.db,
    deps.clock,
    newNumberOrderMachine,
    { id: orderId, accountId: row.account_id, status },
    next,
    { note: `Order processing failed: ${done} of ${row.quantity} numbers`, author: 'System' },
    JSON.stringify({
      ...details,
      errors: next === 'COMPLETE' ? [] : [{ code: e.code, description: e.template }],
    }),
  );
}

interface Attempt {
  readonly claimed: number[];
  readonly failed: OrderNumberRow[];
}

async function claimExisting(
  deps: AppDeps,
  tx: Tx,
  accountId: string,
  details: NewNumberDetails,
  change: TnChange,
  alreadyCompleted: ReadonlySet<number>,
): Promise<Attempt> {
  // Numbers that failed before are tried again (a backorder waits for them to become free).
  const pending = (details.tns ?? []).filter((tn) => !alreadyCompleted.has(tn));
  // A reserved number goes to the account holding a live reservation of it, named in the order.
  const reservations = await findLiveReservations(tx.db, accountId, deps.clock.now().toISOString(), {
    ids: details.reservationIds ?? [],
  });
  const result = await putInService(tx.db, deps.clock, pending, reservations, change);
  const rows = new Map((await findNumbers(tx.db, result.refused)).map((r) => [r.tn, r]));
  const failed = result.refused.map((tn): OrderNumberRow => {
    const row = rows.get(tn);
    const error = !row
      ? OrderCommonErrors.orderTnNotOnSystem
      : row.status === TnStatus.reserved && row.account_id === accountId
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
  const cov = deps.coverage;
  const search = parseSearch({ ...details.search, quantity: String(wanted) }, cov);
  const reader = readerOf(deps, tx.db);
  const claimed: number[] = [];
  for (let round = 0; round < CLAIM_ROUNDS && claimed.length < wanted; round++) {
    const asked = wanted - claimed.length;
    const rows = await findAvailableNumbers(reader, { ...search, quantity: asked }, cov);
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
  const row = await lockOpenOrder(tx.db, deps.database.dialect, newNumberOrderMachine, orderId);
  if (!row) return;
  const { status } = row;
  const details = JSON.parse(row.details) as NewNumberDetails;

  const { clock } = deps;
  // The SIP peer is held until the numbers are on it; deleted since the order was accepted: it fails.
  if (row.sip_peer_id === null || !(await lockPeerShared(tx.db, deps.database.dialect, row.sip_peer_id))) {
    const e = OrderErrors.orderPeerInvalid;
    await transition(
      tx.db,
      clock,
      newNumberOrderMachine,
      { id: orderId, accountId: row.account_id, status },
      'FAILED',
      { note: 'Order failed: its SIP peer no longer exists', author: 'System' },
      JSON.stringify({ ...details, errors: [{ code: e.code, description: e.template }] }),
    );
    return;
  }
  // A first attempt has nothing recorded yet; a backorder's retry starts from what it has.
  const recorded = status === 'RECEIVED' ? [] : await orderNumbers(tx.db, orderId);
  const completedBefore = new Set(recorded.filter((r) => r.outcome === 'completed').map((r) => r.tn));
  const wanted = row.quantity - completedBefore.size;
  const change: TnChange = {
    to: TnStatus.inService,
    accountId: row.account_id,
    siteId: row.site_id,
    sipPeerId: row.sip_peer_id,
    protected: details.tnAttributes.includes('Protected') ? true : undefined,
    order: { id: row.id, type: 'NEW_NUMBER_ORDER', createdAt: row.created_at, status: 'COMPLETE' },
    userId: row.created_by ?? undefined,
  };

  // All or nothing: claim inside a savepoint, to give the numbers back if the attempt falls short.
  const allOrNothing = !details.partialAllowed;
  if (allOrNothing) await sql.raw(`savepoint ${SAVEPOINT}`).execute(tx.db);
  let attempt =
    details.orderType === 'ExistingTelephoneNumberOrderType'
      ? await claimExisting(deps, tx, row.account_id, details, change, completedBefore)
      : await claimBySearch(deps, tx, details, change, wanted);
  if (allOrNothing) {
    if (attempt.claimed.length < wanted && attempt.claimed.length > 0) {
      await sql.raw(`rollback to savepoint ${SAVEPOINT}`).execute(tx.db);
      attempt = { claimed: [], failed: attempt.failed };
    }
    await sql.raw(`release savepoint ${SAVEPOINT}`).execute(tx.db);
  }

  await insertOrderNumbers(
    tx.db,
    orderId,
    [...attempt.claimed.map((tn): OrderNumberRow => ({ tn, outcome: 'completed' })), ...attempt.failed],
    clock.now().toISOString(),
  );
  const total = completedBefore.size + attempt.claimed.length;
  const next: NewNumberStatus =
    total >= row.quantity
      ? 'COMPLETE'
      : details.backOrderRequested
        ? 'BACKORDERED'
        : total > 0 && details.partialAllowed
          ? 'PARTIAL'
          : 'FAILED';
  // A backorder that found nothing new stays as it is (no history row per retry).
  if (next !== 'BACKORDERED' || status !== 'BACKORDERED' || attempt.claimed.length > 0) {
    await transition(
      tx.db,
      clock,
      newNumberOrderMachine,
      { id: orderId, accountId: row.account_id, status },
      next,
      { note: noteFor(next, total, row.quantity), author: 'System' },
      JSON.stringify({ ...details, errors: shortfallErrors(details, next, total) }),
    );
  }
  if (next === 'BACKORDERED') {
    await deps.jobs.enqueue(
      tx,
      orderFulfilmentJob(deps),
      { orderId },
      { runAt: clock.nowMs() + deps.config.orders.backorderRetryMs },
    );
  }
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
  if (details.orderType === 'ExistingTelephoneNumberOrderType') return [];
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
