import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { OrderKind } from '../../platform/db/tables.js';
import { insertOrder, type NewOrderRow } from './order-records.store.js';

/**
 * Order state machines, as tables: the states, where each may go, and which are final. One
 * `transition()` is the only way an order's status changes; in the caller's transaction it writes
 * the new status (only if the order is still where the caller read it), a history row and an
 * event for notifications.
 */
export interface Machine<S extends string> {
  readonly kind: OrderKind;
  readonly initial: S;
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  readonly terminal: readonly S[];
}

export function defineMachine<S extends string>(machine: Machine<S>): Machine<S> {
  for (const [from, targets] of Object.entries(machine.transitions) as [S, readonly S[]][]) {
    if (machine.terminal.includes(from) && targets.length > 0)
      throw new Error(`terminal state ${from} has transitions`);
  }
  return machine;
}

export function isTerminal<S extends string>(machine: Machine<S>, status: S): boolean {
  return machine.terminal.includes(status);
}

export function canMove<S extends string>(machine: Machine<S>, from: S, to: S): boolean {
  return machine.transitions[from].includes(to);
}

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

export async function transition<S extends string>(
  db: Executor,
  clock: Clock,
  machine: Machine<S>,
  order: { readonly id: string; readonly accountId: string; readonly status: S },
  to: S,
  detail: TransitionNote = {},
  /** The order's details (JSON) as they are after this step, written in the same statement. */
  details?: string,
): Promise<void> {
  if (!canMove(machine, order.status, to)) {
    throw new Error(`${machine.kind} order ${order.id}: ${order.status} -> ${to} is not a transition`);
  }
  const now = clock.now().toISOString();
  const updated = await db
    .updateTable('orders')
    .set({
      status: to,
      updated_at: now,
      completed_at: isTerminal(machine, to) ? now : null,
      ...(details === undefined ? {} : { details }),
    })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new OrderMovedError(order.id, order.status);
  await recordHistory(db, clock, order.id, to, detail);
  await recordEvent(db, clock, {
    orderId: order.id,
    accountId: order.accountId,
    kind: machine.kind,
    status: to,
    message: detail.note,
  });
}

/**
 * Stores a new order in its machine's first state, with the "Order received" history row and the
 * event, in the caller's transaction (which also enqueues the job that will move it on).
 */
export async function receiveOrder<S extends string>(
  db: Executor,
  clock: Clock,
  machine: Machine<S>,
  order: Omit<NewOrderRow, 'kind' | 'status'>,
): Promise<void> {
  await insertOrder(db, { ...order, kind: machine.kind, status: machine.initial });
  await recordHistory(db, clock, order.id, machine.initial, {
    note: 'Order received',
    author: order.createdBy,
  });
  await recordEvent(db, clock, {
    orderId: order.id,
    accountId: order.accountId,
    kind: machine.kind,
    status: machine.initial,
  });
}

export async function recordHistory(
  db: Executor,
  clock: Clock,
  orderId: string,
  status: string,
  detail: TransitionNote,
): Promise<void> {
  await db
    .insertInto('order_history')
    .values({
      order_id: orderId,
      at: clock.now().toISOString(),
      status,
      note: detail.note ?? null,
      author: detail.author ?? null,
      difference: detail.difference ?? null,
    })
    .execute();
}

export async function recordEvent(
  db: Executor,
  clock: Clock,
  e: {
    orderId: string;
    accountId: string;
    kind: OrderKind;
    status: string;
    message?: string | undefined;
    event?: 'status' | 'note';
  },
): Promise<void> {
  await db
    .insertInto('order_events')
    .values({
      order_id: e.orderId,
      account_id: e.accountId,
      kind: e.kind,
      event: e.event ?? 'status',
      status: e.status,
      message: e.message ?? null,
      at: clock.now().toISOString(),
    })
    .execute();
}
