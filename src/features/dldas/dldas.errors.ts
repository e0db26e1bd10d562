import { defineError as e } from '../../platform/http/api-error.js';

/** DL/DA orders: Bandwidth's 16xxx codes. */
export const DldaErrors = {
  tollFree: e(400, 16100, 'The DL/DA API does not support adding toll free numbers.'),
  notOnAccount: e(400, 16101, 'Number does not belong to this account'),
  inOpenOrder: e(
    400,
    16103,
    "DL/DA information cannot be changed because the number is already being processed by order '%s'",
  ),
  noNumbers: e(400, 16104, 'No numbers for processing'),
  processing: e(400, 16105, 'Order cannot be changed or cancelled because it is already being processed'),
  failed: e(400, 16106, 'Order cannot be changed or cancelled because it is already failed'),
  numberChanged: e(400, 16108, 'The DL/DA request was not processed due to a change in the status of the TN'),
  subscriberTypeRequired: e(
    400,
    16109,
    'SubscriberType is required. Valid values are: BUSINESS, RESIDENTIAL',
  ),
  listingTypeRequired: e(
    400,
    16110,
    'ListingType is required. Valid values are: LISTED, NON_LISTED, NON_PUBLISHED',
  ),
  notOnSystem: e(400, 16111, 'Telephone Number does not belong to Iris'),
  deleteGroupsInvalid: e(
    400,
    16112,
    'The value for DeleteDldaTnGroups is invalid. Acceptable values are true or false',
  ),
  deleteGroupsNotSupported: e(400, 16113, 'DeleteDldaTnGroups tag is not supported in this request.'),
  stateCodeInvalid: e(400, 16114, 'StateCode is invalid'),
  rejected: e(400, 16115, 'Order was rejected due to: %s'),
} as const;
