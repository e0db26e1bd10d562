import type { Dialect, Executor } from '../../platform/db/database.js';
import { isTerminal, type Machine } from './order-machine.js';
import { lockOrder, type OrderRow } from './order-records.store.js';

/** What the jobs that move an order on share: their payload, and the order they may still act on. */
export interface OrderJobPayload {
  readonly orderId: string;
}

export function parseOrderJobPayload(payload: unknown): OrderJobPayload {
  const orderId = (payload as { orderId?: unknown }).orderId;
  if (typeof orderId !== 'string') throw new Error('payload.orderId must be a string');
  return { orderId };
}

/**
 * The order, locked (see lockOrder), with its status, when it is of the machine's kind and not yet
 * final; otherwise undefined: a job run again for an order already done does nothing.
 */
export async function lockOpenOrder<S extends string>(
  db: Executor,
  dialect: Dialect,
  machine: Machine<S>,
  id: string,
): Promise<(OrderRow & { readonly status: S }) | undefined> {
  const row = await lockOrder(db, dialect, id);
  if (!row || row.kind !== machine.kind || isTerminal(machine, row.status as S)) return undefined;
  return row as OrderRow & { readonly status: S };
}
