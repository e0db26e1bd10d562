import { CommonErrors } from '../../shared/errors.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import { parseTn } from '../../shared/numbering.js';
import { OrderCommonErrors } from './orders-common.errors.js';

/** The fields several kinds of order share, checked one way. */

/** The most numbers one order may name or ask for (5095, 5009). */
export const MAX_ORDER_QUANTITY = 5000;

/** An order's name: at most 50 characters (5002). */
export function parseOrderName(value: string | undefined): string | undefined {
  const name = text(value);
  if (name !== undefined && name.length > 50) throw ApiError.of(OrderCommonErrors.orderNameTooLong);
  return name;
}

/** The customer's id for an order: letters, digits, spaces and dashes, at most 40 (5052). */
export function parseCustomerOrderId(value: string | undefined): string | undefined {
  const id = text(value);
  if (id !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(id)) {
    throw ApiError.of(OrderCommonErrors.orderCustomerIdInvalid);
  }
  return id;
}

/**
 * The numbers an order names: at least one (5073), at most 5,000 (5095), each a valid 10-digit
 * NANP number (5070), none twice (5093).
 */
export function parseOrderTns(values: readonly string[] | undefined): number[] {
  const list = (values ?? []).map((v) => text(v) ?? '');
  if (list.length === 0) throw ApiError.of(OrderCommonErrors.orderTnRequired);
  if (list.length > MAX_ORDER_QUANTITY) throw ApiError.of(CommonErrors.tooManyTns, MAX_ORDER_QUANTITY);
  const tns = list.map((v) => {
    const tn = parseTn(v);
    if (tn === undefined) throw ApiError.of(OrderCommonErrors.orderTnInvalid);
    return tn;
  });
  if (new Set(tns).size !== tns.length) throw ApiError.of(OrderCommonErrors.orderDuplicateTns);
  return tns;
}

/**
 * The numbers of an order that answers each one itself (LIDB, DL/DA): at most 5,000 (5095), none
 * twice (5093); a malformed one is the kind's to refuse among the others.
 */
export function checkOrderNumbers(values: readonly string[]): void {
  if (values.length > MAX_ORDER_QUANTITY) throw ApiError.of(CommonErrors.tooManyTns, MAX_ORDER_QUANTITY);
  if (new Set(values.map((v) => parseTn(v) ?? v)).size !== values.length)
    throw ApiError.of(OrderCommonErrors.orderDuplicateTns);
}

/** A list's `tn` filter: a malformed number is a malformed query (which order lists answer 404). */
export function parseTnFilter(value: string): number {
  const tn = parseTn(value);
  if (tn === undefined) throw ApiError.of(OrderCommonErrors.orderTnInvalid);
  return tn;
}
