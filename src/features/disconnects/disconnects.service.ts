import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import {
  parseCustomerOrderId,
  parseOrderName,
  parseOrderTns,
  requireOrder,
  receiveOrder,
  orderNumbers,
  type OrderNumber,
} from '../orders-common/index.js';
import { DisconnectErrors } from './disconnects.errors.js';
import { processJob } from './disconnects.jobs.js';
import {
  DISCONNECT_MODES,
  DISCONNECTS,
  PROTECTED_CHANGES,
  type DisconnectDetails,
  type DisconnectOrder,
} from './disconnects.kind.js';

/**
 * Disconnects: accepting one (the list itself and its flags are checked at once; which numbers
 * can go is decided by the job, which gives the others per-number errors), and reading it.
 */

/** POST /disconnects, in our names (disconnects.xml.ts decodes it): as sent, checked here. */
export interface DisconnectInput {
  readonly name?: string | undefined;
  readonly customerOrderId?: string | undefined;
  readonly telephoneNumbers?: readonly string[] | undefined;
  /** normal (default), soft-remove or purge. */
  readonly mode?: string | undefined;
  /** TRUE, FALSE or UNCHANGED (default). */
  readonly protected?: string | undefined;
}

/** The seed's rules for a disconnect request, checked at once (no database needed). */
export function validateDisconnect(input: DisconnectInput) {
  const name = parseOrderName(input.name);
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  const tns = parseOrderTns(input.telephoneNumbers);
  const modeText = text(input.mode) ?? 'normal';
  const mode = DISCONNECT_MODES.find((m) => m === modeText.toLowerCase());
  if (!mode) throw ApiError.of(DisconnectErrors.disconnectModeInvalid, modeText);
  const protectedText = text(input.protected) ?? 'UNCHANGED';
  const protectedChange = PROTECTED_CHANGES.find((p) => p === protectedText.toUpperCase());
  if (!protectedChange) throw ApiError.of(DisconnectErrors.disconnectProtectedInvalid, protectedText);
  if (mode === 'purge' && protectedChange === 'TRUE')
    throw ApiError.of(DisconnectErrors.disconnectProtectedPurge);
  const details: DisconnectDetails = { tns, mode, protected: protectedChange };
  return { name, customerOrderId, details };
}

/** POST /disconnects: stores the order as RECEIVED with its job, in one transaction. */
export async function createDisconnect(
  deps: AppDeps,
  accountId: string,
  input: DisconnectInput,
  userId: string,
): Promise<DisconnectOrder> {
  const request = validateDisconnect(input);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, DISCONNECTS, {
      id,
      accountId,
      name: request.name,
      customerOrderId: request.customerOrderId,
      quantity: request.details.tns.length,
      details: request.details,
      createdBy: userId,
      createdAt: now,
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return requireOrder(deps, DISCONNECTS, accountId, id);
}

export interface DisconnectView {
  readonly order: DisconnectOrder;
  readonly disconnected: readonly number[];
  readonly failed: readonly OrderNumber[];
}

/** GET /disconnects/{id}: the order, the numbers it disconnected, and those it could not. */
export async function getDisconnect(deps: AppDeps, accountId: string, id: string): Promise<DisconnectView> {
  const order = await requireOrder(deps, DISCONNECTS, accountId, id);
  const numbers = await orderNumbers(deps.database.db, order.id);
  return {
    order,
    disconnected: numbers.filter((n) => n.outcome === 'completed').map((n) => n.tn),
    failed: numbers.filter((n) => n.outcome === 'failed'),
  };
}
