import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';
import { OrderCommonErrors } from './orders-common.errors.js';

/** The fields every kind of order shares, checked one way: an order's name and the customer's id for it. */
export function parseOrderName(value: string | undefined): string | undefined {
  const name = text(value);
  if (name !== undefined && name.length > 50) throw ApiError.of(OrderCommonErrors.orderNameTooLong);
  return name;
}

/** Letters, digits, spaces and dashes, at most 40 (error 5052). */
export function parseCustomerOrderId(value: string | undefined): string | undefined {
  const id = text(value);
  if (id !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(id))
    throw ApiError.of(OrderCommonErrors.orderCustomerIdInvalid);
  return id;
}
