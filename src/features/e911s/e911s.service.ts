import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { checkAddressLengths } from '../../shared/address.js';
import { CommonErrors } from '../../shared/errors.js';
import { text } from '../../shared/fields.js';
import { parseCustomerOrderId, parseOrderTns, receiveOrder, requireOrder } from '../orders-common/index.js';
import { E911Errors } from './e911s.errors.js';
import { processJob } from './e911s.jobs.js';
import { E911S, type E911Address, type E911Order } from './e911s.kind.js';

/**
 * E911 orders: accepting one (what it asks checked at once; the address itself is the geocoder's,
 * when the order is processed), and reading it.
 */
export interface E911Input {
  readonly customerOrderId?: string | undefined;
  readonly telephoneNumbers: readonly string[];
  readonly callerName?: string | undefined;
  readonly address?: E911Address | undefined;
  /** DeleteTNSpecificE911Address, as sent ("true" or "false"). */
  readonly deleteAddress?: string | undefined;
  /** AlternateEndUserIdentifiers or AdditionalAddresses were sent (not offered: 8022). */
  readonly alternateEndpoints?: boolean | undefined;
}

const CALLER_NAME_MAX = 50;
// Bandwidth's text says alphanumerics; its own examples use spaces and dashes too.
const CALLER_NAME = /^[A-Za-z0-9 .,'&-]+$/;

function callerNameOf(value: string | undefined): string | undefined {
  const name = text(value);
  if (name === undefined) return undefined;
  if (name.length > CALLER_NAME_MAX) throw ApiError.of(E911Errors.callerNameTooLong, name);
  if (!CALLER_NAME.test(name)) throw ApiError.of(E911Errors.callerNameInvalid, name);
  return name;
}

/** Whether the order removes the addresses: `true`, `false` or absent; anything else is no known order. */
function removesAddress(input: E911Input): boolean {
  const flag = text(input.deleteAddress)?.toLowerCase();
  if (flag !== undefined && flag !== 'true' && flag !== 'false')
    throw ApiError.of(E911Errors.orderTypeUnrecognized);
  const remove = flag === 'true';
  const sendsAddress = input.address !== undefined || text(input.callerName) !== undefined;
  if (remove === sendsAddress) throw ApiError.of(E911Errors.orderTypeUnrecognized);
  return remove;
}

/** POST /e911s: RECEIVED, its job queued. */
export async function createE911Order(
  deps: AppDeps,
  accountId: string,
  input: E911Input,
  userId: string,
): Promise<E911Order> {
  const customerOrderId = parseCustomerOrderId(input.customerOrderId);
  if (input.alternateEndpoints) throw ApiError.of(E911Errors.alternateIdentifiersNotAllowed);
  const remove = removesAddress(input);
  if (!remove && input.address === undefined) throw ApiError.of(CommonErrors.addressRequired);
  if (input.address) checkAddressLengths(input.address);
  const callerName = callerNameOf(input.callerName);
  const tns = parseOrderTns(input.telephoneNumbers);
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    await receiveOrder(tx.db, deps.clock, E911S, {
      id,
      accountId,
      customerOrderId,
      quantity: tns.length,
      details: { tns, callerName, address: input.address, remove },
      createdBy: userId,
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.jobs.enqueue(tx, processJob(deps), { orderId: id });
  });
  return getE911Order(deps, accountId, id);
}

export function getE911Order(deps: AppDeps, accountId: string, id: string): Promise<E911Order> {
  return requireOrder(deps, E911S, accountId, id);
}
