import { defineError as e } from '../../platform/http/api-error.js';

export const OrderErrors = {
  orderValidation: e(400, 5002, '%s'),
  orderCriteriaInvalid: e(400, 5002, "The value specified for the search criteria '%s' cannot be parsed."),
  orderCombinationUnsupported: e(400, 5002, 'The combination of search criteria is unsupported.'),
  orderVanityBackorder: e(400, 5002, 'Local vanity orders are unsupported with BackOrderRequested=true'),
  orderTnUnavailable: e(400, 5005, 'The telephone number is unavailable for ordering'),
  orderTnReservedWithoutId: e(
    400,
    5005,
    'The telephone number is reserved: the ReservationId of its reservation is required',
  ),
  orderQuantityInvalid: e(400, 5009, 'The quantity specified %s is invalid.'),
  orderSiteInvalid: e(400, 5016, 'The SiteId submitted is invalid.'),
  orderPartial: e(
    400,
    5017,
    'Only a partial quantity of the total telephone numbers ordered could be fulfilled',
  ),
  orderNoneAvailable: e(400, 5018, 'The entire quantity of telephone numbers ordered is unavailable'),
  orderNoDefaultPeer: e(
    400,
    5020,
    'No default SIP peer is set on the account and site. Please create one then resubmit your request.',
  ),
  orderSiteRequired: e(400, 5022, 'SiteId is a required field.'),
  orderPeerInvalid: e(400, 5023, 'SIP peer submitted is invalid.'),
  orderCloseNotBackordered: e(400, 5060, 'Only Backordered order can be closed.'),
  orderTypeInvalid: e(400, 5087, 'The input order type is not a valid entry.'),
  orderProtectedTollFree: e(
    400,
    5101,
    "'Protected' telephone number attribute is not applicable for toll-free search and order criteria.",
  ),
  orderTnAttributeDuplicate: e(400, 5102, "Duplicate telephone number attribute '%s'."),
  orderAreaCodeQuantity: e(
    400,
    5198,
    'AreaCodeSearchAndOrderType requires both AreaCode and Quantity values.',
  ),
  orderTollFreeVanityQuantity: e(
    400,
    5199,
    'TollFreeVanitySearchAndOrderType requires both TollFreeVanity and Quantity values.',
  ),
} as const;
