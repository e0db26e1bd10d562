import { Errors } from '../../errors.js';
import { ApiError } from '../../platform/http/api-error.js';
import { text } from '../../shared/fields.js';

/** The fields every kind of order shares, checked one way: an order's name and the customer's id for it. */
export function parseOrderName(value: string | undefined): string | undefined {
  const name = text(value);
  if (name !== undefined && name.length > 50) throw ApiError.of(Errors.orderNameTooLong);
  return name;
}

/** Letters, digits, spaces and dashes, at most 40 (error 5052). */
export function parseCustomerOrderId(value: string | undefined): string | undefined {
  const id = text(value);
  if (id !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(id)) throw ApiError.of(Errors.orderCustomerIdInvalid);
  return id;
}
