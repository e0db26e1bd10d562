import { defineError as e } from '../../platform/http/api-error.js';

/** E911 orders: Bandwidth's 8xxx codes. */
export const E911Errors = {
  callerNameTooLong: e(400, 8001, "The CallerName '%s' is too long. Max length 50 characters."),
  callerNameInvalid: e(
    400,
    8002,
    "'%s' is not a valid CallerName. CallerName can only contain alphanumerics (a-z, A-Z, 0-9).",
  ),
  notOnAccount: e(400, 8003, 'Telephone numbers does not belong to this account.'),
  addressNotRecognized: e(400, 8006, 'Address is not recognized by E911 service.'),
  alternateIdentifiersNotAllowed: e(
    400,
    8022,
    'Alternate End User Identifiers are not allowed on the account.',
  ),
  numberDoesNotExist: e(400, 8034, 'Telephone number(s) does not exist.'),
  addressValueInvalid: e(400, 8056, "Address value '%s' is invalid."),
  orderTypeUnrecognized: e(
    400,
    8057,
    'Error has occurred during recognition of the type of E911 order. Please specify correct payload elements for your type of order within request.',
  ),
  stateCodeInvalid: e(
    400,
    8063,
    "StateCode '%s' is invalid or not supported. Please correct and try the request again.",
  ),
} as const;
