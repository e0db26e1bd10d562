import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { OrderKind } from './order-kind.js';
import { canMove, isTerminal } from './order-machine.js';
import { chargeCompletedOrder } from '../billing/index.js';
import { notifyOrderEvent, type OrderNotification } from '../notifications/index.js';
import {
  findOrderRow,
  insertEvent,
  insertHistory,
  insertOrder,
  orderNumbers,
  updateOrderStatus,
} from './orders-common.store.js';

/**
 * The only ways an order starts and moves: `receiveOrder` stores it in its machine's first state;
 * `transition` moves it along an allowed transition, only if it is still where the caller read it.
 * Each writes, in the caller's transaction, the status, a history row and an event for
 * notifications (and, when an order of a charging kind ends, its non-recurring charges) (and the caller enqueues the job that moves the order on in the same transaction).
 */

/** Another writer moved the order first (a concurrent close, a second worker): the caller's change is void. */
export class OrderMovedError extends Error {
  constructor(orderId: string, expected: string) {
    super(`order ${orderId} is no longer ${expected}`);
  }
}

export interface TransitionNote {
  readonly note?: string | undefined;
  readonly author?: string | undefined;
  readonly difference?: string | undefined;
}

export interface NewOrder<D> {
  readonly id: string;
  readonly accountId: string;
  readonly name?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly siteId?: number | undefined;
  readonly sipPeerId?: number | undefined;
  readonly quantity: number;
  readonly details: D;
  readonly createdBy?: string | undefined;
  readonly createdAt: string;
}

/** Stores a new order in its machine's first state, with the "Order received" history row and the event. */
export async function receiveOrder<S extends string, D>(
  db: Executor,
  clock: Clock,
  kind: OrderKind<S, D>,
  order: NewOrder<D>,
): Promise<void> {
  const status = kind.machine.initial;
  await insertOrder(db, {
    ...order,
    kind: kind.name,
    status,
    details: JSON.stringify(kind.details.parse(order.details)),
  });
  await recordHistory(db, clock, order.id, status, { note: 'Order received', author: order.createdBy });
  await recordEvent(db, clock, { orderId: order.id, accountId: order.accountId, kind, status });
}

export async function transition<S extends string, D>(
  db: Executor,
  clock: Clock,
  kind: OrderKind<S, D>,
  order: { readonly id: string; readonly accountId: string; readonly status: S },
  to: S,
  detail: TransitionNote = {},
  /** The order's details as they are after this step, written in the same statement. */
  details?: D,
): Promise<void> {
  if (!canMove(kind.machine, order.status, to)) {
    throw new Error(`${kind.name} order ${order.id}: ${order.status} -> ${to} is not a transition`);
  }
  const now = clock.now().toISOString();
  const moved = await updateOrderStatus(db, order.id, order.status, {
    status: to,
    updated_at: now,
    completed_at: isTerminal(kind.machine, to) ? now : null,
    ...(details === undefined ? {} : { details: JSON.stringify(kind.details.parse(details)) }),
  });
  if (!moved) throw new OrderMovedError(order.id, order.status);
  if (kind.charge && isTerminal(kind.machine, to)) {
    const charged = { accountId: order.accountId, orderId: order.id, charge: kind.charge };
    await chargeCompletedOrder(db, clock, charged, async () =>
      (await orderNumbers(db, order.id)).filter((n) => n.outcome === 'completed').map((n) => n.tn),
    );
  }
  await recordHistory(db, clock, order.id, to, detail);
  await recordEvent(db, clock, {
    orderId: order.id,
    accountId: order.accountId,
    kind,
    status: to,
    message: detail.note,
  });
}

export async function recordHistory(
  db: Executor,
  clock: Clock,
  orderId: string,
  status: string,
  detail: TransitionNote,
): Promise<void> {
  await insertHistory(db, { orderId, at: clock.now().toISOString(), status, ...detail });
}

/**
 * A status change or a note: the event row (the outbox), and, in the same transaction, a delivery
 * for each subscriber it concerns: every note, and the statuses the kind declares as notifying.
 */
export async function recordEvent(
  db: Executor,
  clock: Clock,
  e: {
    readonly orderId: string;
    readonly accountId: string;
    readonly kind: OrderKind;
    readonly status: string;
    readonly message?: string | undefined;
    readonly event?: 'status' | 'note';
  },
): Promise<void> {
  const event = e.event ?? 'status';
  const at = clock.now().toISOString();
  await insertEvent(db, {
    orderId: e.orderId,
    accountId: e.accountId,
    kind: e.kind.name,
    event,
    status: e.status,
    message: e.message,
    at,
  });
  const orderType = e.kind.subscriptionType;
  if (orderType === undefined || (event === 'status' && !e.kind.notifies.includes(e.status))) return;
  const order = { accountId: e.accountId, orderType, orderId: e.orderId };
  await notifyOrderEvent(db, clock, order, async (): Promise<OrderNotification> => {
    const row = await findOrderRow(db, e.accountId, e.kind.name, e.orderId);
    const final =
      event === 'status' && isTerminal(e.kind.machine, e.status) && e.kind.notifiesCompletedNumbers;
    const completed = final
      ? (await orderNumbers(db, e.orderId)).filter((n) => n.outcome === 'completed').map((n) => String(n.tn))
      : undefined;
    const extra =
      event === 'status' && row && e.kind.notificationFields
        ? e.kind.notificationFields(e.kind.details.parse(JSON.parse(row.details)), e.status)
        : {};
    return {
      ...extra,
      orderType,
      orderId: e.orderId,
      customerOrderId: row?.customer_order_id ?? undefined,
      status: e.status,
      ...(event === 'note' ? { note: e.message } : { message: e.message }),
      completedNumbers: completed,
      lastModifiedDate: at,
    };
  });
}
