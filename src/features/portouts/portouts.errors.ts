import { defineError as e } from '../../platform/http/api-error.js';

/**
 * Port-out validation (contract §12): the codes an owner's endpoint may answer with, and the ones
 * this server records itself (the PIN check of an account without an endpoint, numbers that left
 * service, answers it could not use). Bandwidth's texts.
 */
export const PortOutErrors = {
  pinMissing: e(400, 7512, 'Required PIN missing'),
  pinInvalid: e(400, 7513, 'PIN Invalid'),
  notActive: e(400, 7518, 'Telephone Number Not Active'),
  unexpectedStatus: e(400, 7593, 'Unexpected response code %s in portout API validation response'),
  emptyAnswer: e(400, 7595, 'Empty response body in portout API validation response (code %s)'),
  refusedWithoutErrors: e(400, 7596, 'Non-portable portable response without errors'),
  unrecognisedCode: e(400, 7597, '%s: Unrecognized error code: %s'),
  internalError: e(
    400,
    17008,
    'An internal error has occurred. Please contact support if this issue is not resolved in 1 business day',
  ),
} as const;

/** The codes an endpoint may refuse a port-out with, and their texts when it gives none. */
export const RECOGNISED_REFUSALS: ReadonlyMap<number, string> = new Map([
  [7510, 'Required Account Code missing'],
  [7511, 'Invalid Account Code'],
  [7512, 'Required PIN missing'],
  [7513, 'PIN Invalid'],
  [7514, 'Required ZIP Code missing'],
  [7515, 'Invalid ZIP Code'],
  [7516, 'Telephone Number not recognized or invalid for this account'],
  [7517, 'Too many Telephone numbers in this request'],
  [7518, 'Telephone Number Not Active'],
  [7519, 'Customer info does not match'],
  [7598, 'Invalid Request'],
  [7599, 'Fatal Error in Processing'],
]);
