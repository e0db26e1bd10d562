import { defineError as e } from '../../platform/http/api-error.js';

export const OrderCommonErrors = {
  orderNameTooLong: e(
    400,
    5002,
    "The length of the search criteria 'Name' is not valid, the acceptable length is 50 characters.",
  ),
  orderNotFound: e(404, 5035, '%s order %s not found.'),
  orderCustomerIdInvalid: e(
    400,
    5052,
    'Customer order ID is invalid. Only alphanumeric values, dashes and spaces are allowed. Max length is 40 characters.',
  ),
  orderTnInvalid: e(400, 5070, 'Telephone number is invalid.'),
  orderTnNotOnSystem: e(400, 5071, 'Telephone number is not available on the system.'),
  orderTnNotInService: e(400, 5074, 'Telephone number is not in service.'),
  orderTnOtherAccount: e(400, 5076, 'Number does not belong to this account.'),
  orderTnRequired: e(400, 5073, 'Telephone number is required.'),
  orderProcessingFailed: e(400, 5086, 'Order request timed out. Please resubmit your request.'),
  orderDuplicateTns: e(400, 5093, 'Order cannot contain duplicate telephone numbers'),
  orderListStatusInvalid: e(400, 1008, "Invalid 'status' '%s'. Valid values: %s"),
  // Not found, whatever the list answers for malformed values: the page names an order that is not there.
  orderListPageInvalid: e(404, 1008, "The page '%s' is not an order of this list"),
  noteUserRequired: e(400, 12501, 'Username is required'),
  noteUserTooLong: e(400, 12500, "Username '%s' is too long. Max length 100 characters"),
  noteDescriptionRequired: e(400, 1003, 'Description is required'),
} as const;
