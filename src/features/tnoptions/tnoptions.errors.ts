import { defineError as e } from '../../platform/http/api-error.js';

/** TN-option orders: Bandwidth's 50xx/51xx order codes for each option and number. */
export const TnOptionErrors = {
  groupsRequired: e(400, 5077, 'There are no valid telephone numbers.'),
  duplicateTn: e(400, 5072, 'Duplicate telephone number.'),
  callingNameInvalid: e(400, 5079, "CallingNameDisplay '%s' is invalid. Valid values are: %s"),
  callForwardInvalid: e(400, 5080, "Call Forwarding number '%s' is not a valid 10-digit telephone number."),
  numberFormatInvalid: e(400, 5081, "Number Format '%s' is invalid."),
  rewriteUserInvalid: e(400, 5082, "Rewrite User '%s' is invalid."),
  forwardToItself: e(
    400,
    5088,
    'The specified call forwarding number %s cannot be the same as the origin telephone number %s.',
  ),
  rpidFormatInvalid: e(400, 5089, "RPID Format '%s' is invalid."),
  smsInvalid: e(400, 5113, "Sms '%s' is invalid. Valid values are: %s"),
  finalDestinationTooLong: e(400, 5117, 'FinalDestinationURI is too long (%s characters max).'),
  finalDestinationForm: e(
    400,
    5122,
    "The format of the FinalDestinationURI needs to match the form 'name@ip-address:port'.",
  ),
  finalDestinationHost: e(400, 5119, 'FinalDestinationURI host portion must be a valid IPv4 address.'),
  protectedInvalid: e(400, 5102, "Protected '%s' is invalid. Valid values are: true, false"),
} as const;
