import { ApiError, defineError as e } from '../../platform/http/api-error.js';

/** Porting in: the LNP checker, port-in orders, activation and documents (Bandwidth's 7xxx codes). */
export const PortInErrors = {
  // The LNP checker (the RAML's own wording for 7201, naming the number).
  checkTnInvalid: e(400, 7201, '%s is not a valid NANPA telephone number.'),
  checkTnRequired: e(400, 7316, 'At least one telephone number must be provided.'),
  checkTooMany: e(400, 7314, 'The number of telephone numbers provided exceeds the maximum %s'),
  checkDuplicates: e(400, 7360, "Telephone number list can't contain duplicates."),
  checkModeInvalid: e(
    400,
    7472,
    'Portability checking mode is not valid. Valid values: FALSE, TRUE, ONNETPORTABILITY, OFFNETPORTABILITY',
  ),
  // Numbers.
  tnListRequired: e(400, 7101, 'At least one number must be specified to port'),
  tnInvalid: e(400, 7201, 'Telephone number is invalid'),
  tnPending: e(400, 7205, 'Telephone number is already being processed on another order'),
  tnInService: e(400, 7206, 'Telephone number is already in service'),
  tnOurs: e(400, 7320, 'BW owned TN - contact customer support'),
  tnExternal: e(400, 7600, 'External telephone number(s) cannot be used: %s'),
  tnRateCenterUnsupported: e(400, 7331, 'Rate Center Not Present in Bandwidth Dashboard'),
  tnCarrierUnsupported: e(400, 7609, 'The telephone number(s) belongs to unsupported losing carrier.'),
  sameCarrier: e(
    400,
    7204,
    'All telephone numbers, including the billing telephone number (BTN) and new BTN when provided, must belong to the same carrier',
  ),
  multipleVendors: e(
    400,
    7363,
    'This port request contains numbers from multiple vendors. Please check the portability of these numbers using the Check Portability tool',
  ),
  mixedTollFree: e(
    400,
    7386,
    'You have mixed toll free and non-toll free numbers in the order. Please submit the toll free and non-toll free numbers in separate orders. These numbers are %s',
  ),
  // The request.
  btnRequired: e(400, 7103, 'The billing telephone number (BTN) is required'),
  btnInvalid: e(400, 7203, 'The billing telephone number (BTN) is invalid'),
  subscriberRequired: e(400, 7104, 'Subscriber information is required'),
  subscriberNameRequired: e(400, 7105, 'The subscriber name is required'),
  subscriberTypeRequired: e(400, 7106, 'The subscriber type is required'),
  residentialBusinessName: e(400, 7211, 'A residential subscriber type may not have a business name'),
  businessNameTooLong: e(
    400,
    7324,
    'The business name is too long. The business name should not be longer than 25 characters.',
  ),
  firstNameTooLong: e(
    400,
    7355,
    'First name is too long. First name should not be longer than 25 characters.',
  ),
  lastNameTooLong: e(400, 7356, 'Last name is too long. Last name should not be longer than 25 characters.'),
  addressRequired: e(400, 7107, 'The service address is required'),
  houseNumberRequired: e(400, 7108, 'The service address house number is required'),
  streetNameRequired: e(400, 7109, 'The service address street name is required'),
  cityRequired: e(400, 7110, 'The service address city is required'),
  stateRequired: e(400, 7111, 'The service address state code is required'),
  zipRequired: e(400, 7112, 'The service address zip code is required'),
  zipInvalid: e(400, 7214, 'ZIP code is invalid'),
  stateUnsupported: e(400, 7395, 'Unsupported state code: %s.'),
  loaPersonRequired: e(400, 7115, 'The LOA authorizing person is required'),
  accountNumberRequired: e(400, 7114, 'The account number is required'),
  siteRequired: e(400, 7334, 'SiteId is required'),
  siteInvalid: e(400, 7309, 'The site id was not supplied or is invalid.'),
  noDefaultPeer: e(400, 7310, 'The site id submitted does not have a default SIP peer associated to it.'),
  peerInvalid: e(400, 7311, 'The sippeer id is invalid for this site.'),
  customerOrderIdInvalid: e(
    400,
    7318,
    'Customer order ID is invalid. Only alphanumeric values, dashes and spaces are allowed. Max length is 40 characters.',
  ),
  partialPortInvalid: e(400, 7319, 'Partial Port must be a valid boolean variation.'),
  billingTypeInvalid: e(
    400,
    7358,
    'Incorrect Billing Type. Valid values: NOCHARGE, PORTIN, NEWNUMBER, PROJECTPORT, DISCOUNTED',
  ),
  invalidRequest: e(400, 7598, 'Invalid Request'),
  tnAttributeInvalid: e(
    400,
    7399,
    "Telephone number attribute '%s' is invalid. Valid values: Protected, External, Hosted",
  ),
  tnAttributeDuplicate: e(400, 7474, "Duplicate telephone number attribute '%s'."),
  protectedTollFree: e(400, 7397, 'Toll free numbers are not candidates for Protected status'),
  protectedOffNet: e(400, 7398, 'Protected status is not available for numbers in off-net rate centers'),
  // The FOC date, on the business calendar.
  focFormat: e(400, 7217, 'Requested FOC Date has invalid format'),
  focPast: e(400, 7208, 'The requested FOC date cannot be in the past'),
  focTooSoon: e(400, 7209, 'The requested FOC date is too soon'),
  focBeforeNextAvailable: e(400, 7317, 'Requested FOC date is before the next available FOC date.'),
  focTooFar: e(400, 7210, 'The requested FOC date is too far in the future. Date must be within 30 days'),
  focNotBusinessDay: e(400, 7315, 'The date is during a weekend or holiday.'),
  focOutsideHours: e(
    400,
    7313,
    'The requested time %s is outside business hours. FOC time must be within processing hours of 8:00AM and 3:30PM Eastern Time',
  ),
  // Changes and cancellation.
  alreadyCancelled: e(400, 7303, 'The order is already cancelled and cannot be modified or cancelled'),
  alreadyComplete: e(400, 7304, 'The order is already complete and cannot be modified or cancelled'),
  focTooNear: e(
    400,
    7301,
    'The order cannot be modified or cancelled because the pending FOC date is too soon',
  ),
  focPassed: e(400, 7371, 'The order cannot be modified or cancelled because the FOC date is in the past'),
  cancelAfterFoc: e(400, 7302, 'The order cannot be cancelled after the FOC date has passed'),
  cancelRequested: e(400, 7353, 'The order cannot be modified because it is in requested cancel status'),
  // Activation (rows 26–27).
  activationNotTriggered: e(400, 7345, 'Customer Activation is not allowed on non triggered portins.'),
  activationNotFoc: e(400, 7352, 'On demand portin activation is allowed only for orders with FOC state.'),
  activationDateRequired: e(400, 7338, 'ActivationStatus is required.'),
  activationOutsideFoc: e(
    400,
    7605,
    'Activation must be scheduled between the hours of %s and %s on the actual FOC date: %s.',
  ),
  activationFinal: e(404, 7349, 'The order is already completed or cancelled.'),
  // Documents.
  documentTypeInvalid: e(
    400,
    7639,
    'Unknown documentType specified, valid values are: LOA, INVOICE, CSR, OTHER.',
  ),
  documentNameTooLong: e(400, 7800, 'Document name too long, max 50 characters'),
} as const;

/**
 * A port-in refused for several reasons at once: Bandwidth answers every rule broken, as repeated
 * `Errors` (contract §4), so validation gathers them all before refusing.
 */
export class PortInRejected extends ApiError {
  constructor(
    readonly errors: readonly { readonly code: number; readonly description: string }[],
    readonly orderId?: string,
  ) {
    const first = errors[0] ?? { code: 7598, description: 'Invalid Request' };
    super(400, first.code, first.description);
  }

  /** Throws the errors gathered, if any. */
  static throwIfAny(errors: readonly ApiError[], orderId?: string): void {
    if (errors.length > 0)
      throw new PortInRejected(
        errors.map((e) => ({ code: e.code, description: e.description })),
        orderId,
      );
  }
}
