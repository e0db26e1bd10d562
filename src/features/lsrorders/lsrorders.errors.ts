import { ApiError, defineError as e } from '../../platform/http/api-error.js';

/**
 * LSR orders (Bandwidth's 170xx codes and the LSR texts of 5008, 7354, 13522). The subscriber and
 * address rules shared with port-ins (7104–7112, 7203, 7208, 7214, 7318, 7324, 7355, 7356, 7395)
 * are the port-ins' own definitions.
 */
export const LsrErrors = {
  allInvalid: e(400, 5008, 'All telephone numbers specified are invalid'),
  tooMany: e(400, 13522, 'The count of telephone numbers in order exceeds the maximum size of %d'),
  payloadRequired: e(400, 17000, 'Lsr submission order payload required.'),
  invalidTns: e(400, 17002, 'Order contains invalid tns: %s.'),
  tnsRequired: e(400, 17003, 'Order contains empty tn list or its not present.'),
  ponInvalid: e(
    400,
    17004,
    'Incorrect pon specified. It must be up to 25 character long and could not contain special characters other than -_#',
  ),
  ponRequired: e(400, 7120, 'The PON is required'),
  tollFree: e(400, 17005, 'Toll-free telephone numbers can not be present in the LSR order.'),
  accountNumberInvalid: e(
    400,
    17006,
    'Account number is incorrect. It should be alphanumeric and no more than 32 characters long.',
  ),
  pinInvalid: e(
    400,
    17007,
    'Pin number is incorrect. It should be alphanumeric and no more than 10 characters long.',
  ),
  duplicates: e(400, 17009, 'Lsr order contain duplicate telephone numbers: %s'),
  businessNameRequired: e(400, 17010, 'Business name is required for business SubscriberType.'),
  lastNameForBusiness: e(400, 17011, 'Last name should be empty for business SubscriberType.'),
  lastNameRequired: e(400, 17012, 'Last name is required for residential SubscriberType.'),
  dateFormat: e(
    400,
    17013,
    'Requested date format incorrect. Date should be in yyyy-mm-dd format. (example: 2015-03-24).',
  ),
  unmodifiable: e(400, 17015, 'Lsr order is in unmodifiable state.'),
  cancelIgnoresChanges: e(
    400,
    17018,
    'Lsr order will be cancelled. All other submitted changes are ignored.',
  ),
  focNotBusinessDay: e(400, 17019, 'Requested FOC date cannot be on holiday or weekend.'),
  spidMismatch: e(400, 17020, 'Account SPID [%s] does not match with SPID specified in the Lsr order [%s].'),
  spidInvalid: e(
    400,
    17021,
    'Incorrect SPID [%s] specified in the order. It should be alphanumeric and no more than 4 characters long.',
  ),
  authorizingPersonRequired: e(400, 17023, 'The authorizing person contact is required for lsr orders.'),
  authorizingPersonTooLong: e(
    400,
    17024,
    'The authorizing person contact is too long. It should be not longer than %s characters.',
  ),
  fieldsNotModifiable: e(400, 17025, '%s field%s cannot be modified.'),
  statusNotModifiable: e(400, 17025, 'OrderStatus cannot be changed to %s. Only cancelled value allowed.'),
  addressFieldTooLong: e(
    400,
    17026,
    'Address field [%s] is incorrect. It should be no more than %s characters long.',
  ),
  noSpid: e(400, 17027, 'Account %s has no configured SPID. Please contact support for further assistance.'),
  focTooSoonForSize: e(
    400,
    17028,
    'Minimum FOC date for a port of greater than %s telephone numbers is %s days',
  ),
  containsPorted: e(400, 17029, "Can't modify LSR order, because it contains ported numbers."),
  partlyCompleted: e(400, 17030, 'LSR order is partially completed, some numbers are not activated: %s.'),
  ponTaken: e(
    400,
    17032,
    'The Specified PON is already present in our system. Please provide an alternative.',
  ),
  noneCompleted: e(400, 17036, 'LSR order completion failed, all numbers are not activated.'),
  external: e(400, 17037, 'External telephone number(s) cannot be used: %s'),
  middleInitialTooLong: e(
    400,
    7354,
    'Middle initial is too long. Middle initial should not be longer than 1 character.',
  ),
} as const;

/**
 * An LSR order refused: every problem found, as `LsrOrderErrors`, with the order as sent (POST) or
 * as stored (PUT) echoed (lsrorders.xml.ts composes the body).
 */
export class LsrRejected extends ApiError {
  constructor(readonly errors: readonly { readonly code: number; readonly description: string }[]) {
    const first = errors[0] ?? { code: 17000, description: 'Lsr submission order payload required.' };
    super(400, first.code, first.description);
  }

  static throwIfAny(errors: readonly ApiError[]): void {
    if (errors.length > 0)
      throw new LsrRejected(errors.map((e) => ({ code: e.code, description: e.description })));
  }
}
