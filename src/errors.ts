import { defineError as e } from './platform/http/api-error.js';

/**
 * The error catalogue: every Bandwidth error code this server raises, with its HTTP status and text.
 * Codes and texts are Bandwidth's (shared/reference/numbers-error-codes.tsv); where the seed states a
 * different limit than the catalogue text (site and SIP-peer names: 10 characters), the seed wins.
 * Operations throw `ApiError.of(Errors.x, ...args)`; the route's error shape renders it.
 */
export const Errors = {
  // 1xxx: system-wide validation
  required: e(400, 1003, '%s is required'),
  notAllowed: e(400, 1005, '%s is not allowed'),
  invalidValue: e(400, 1008, "'%s' is not a valid value"),
  invalidBoolean: e(400, 12751, "%s value is not valid (expected 'true' or 'false')."),
  tooLong: e(400, 12635, "%s '%s' is too long. Max length %s characters"),

  // 504x: reservations
  reservationTnNotFound: e(400, 5040, 'Reservation failed: telephone number %s not found.'),
  reservationTnNotAvailable: e(400, 5041, 'Reservation failed: telephone number %s is not available.'),
  reservationNotFoundForAccount: e(404, 5042, 'Reservation %s for account %d not found.'),
  reservationNotFound: e(404, 5043, 'Reservation %s not found.'),
  reservationInvalid: e(400, 5044, 'Reservation object is invalid.'),
  reservationParamInvalid: e(400, 5045, 'Reservation request param is invalid.'),
  reservationNotAllowed: e(400, 5046, 'Reservation not allowed for account %d .'),
  reservationCannotRelease: e(400, 5047, 'Cannot unreserve telephone number %s'),

  // 12xxx: accounts, users, sites, addresses
  userNotFound: e(404, 12000, "User '%s' does not exist"),
  accountNotFound: e(404, 12020, "Account '%s' does not exist"),
  siteNotFound: e(404, 12016, "Site '%s' does not exist"),
  siteIdInvalid: e(400, 12527, "Site id '%s' is not valid"),
  siteNameRequired: e(400, 12533, 'Site name is required'),
  siteNameTooLong: e(400, 12529, "Site name '%s' is too long. Max length 10 characters"),
  siteHasSipPeers: e(400, 12031, 'Please remove all locations before proceeding with this remove.'),
  addressRequired: e(400, 1003, 'Address is required'),
  customerProvidedIdInvalid: e(400, 12544, "Customer provided id '%s' is not valid"),
  customerProvidedIdTooLong: e(400, 12606, "Customer provided ID '%s' is too long. Max length %s characters"),
  ucTrunkingNotAllowed: e(400, 12046, 'UcTrunkingConfiguration is not allowed for non UC Trunking accounts'),
  ucTrunkingRequired: e(400, 12615, 'UcTrunkingConfiguration is required for UC Trunking sub accounts'),
  ucTypeInvalid: e(
    400,
    12614,
    'UcTrunkingConfiguration Type is not valid. Valid values: Cloud, Seats, Premise',
  ),
  ucUsageInvalid: e(400, 12599, 'UsageCategory is not valid. Valid values: UC250, UC500, UC1000'),
  ucUsageOnlyForSeats: e(400, 12617, 'UsageCategory is not an applicable field for non Seats locations'),
  houseNumberRequired: e(400, 12536, 'HouseNumber is required'),
  streetNameRequired: e(400, 12538, 'StreetName is required'),
  cityRequired: e(400, 12540, 'City is required'),
  stateCodeRequired: e(400, 12542, 'StateCode is required'),
  stateCodeInvalid: e(400, 12535, "'%s' is not a valid state / province code"),
  zipRequired: e(400, 12644, 'Zip is required'),
  zipInvalid: e(
    400,
    13103,
    "Zip '%s' is invalid. Only numeric characters are supported with length of 5 digits.",
  ),
  plusFourInvalid: e(400, 12552, "Zip4 '%s' is too long. Max length 4 characters"),
  directionalInvalid: e(400, 12605, 'Directional is not valid. Valid values: N, S, E, W, NE, NW, SE, SW'),
  addressTypeRequired: e(400, 12554, 'AddressType is required'),
  addressTypeInvalid: e(400, 12579, 'AddressType is not valid. Valid values: Service, Billing'),
  countryInvalid: e(400, 13007, 'The specified two letter country code is not valid: %s'),
  tooManyHosts: e(400, 12119, '%s hosts provided, maximum %s hosts allowed'),
  customerTrafficAllowedInvalid: e(
    400,
    12586,
    'CustomerTrafficAllowed is not valid. Valid values: ALL, LITE, DOMESTIC',
  ),

  // 12xxx: users and passwords
  passwordRequired: e(400, 12503, 'Password is required'),
  passwordTooShort: e(400, 12504, 'Password must be at least %s characters long'),
  passwordTooLong: e(400, 12619, 'Password is too long. Max length %s characters'),
  passwordCharacters: e(
    400,
    12725,
    'The password can only contain letters, numbers and simple special characters',
  ),
  passwordNotOwn: e(403, 12618, "Provided username '%s' doesn't match login username '%s'"),

  // 135xx: SIP peers
  peerNameRequired: e(400, 13500, 'Peer Name is required'),
  peerNameTooLong: e(400, 13501, "Peer Name '%s' is too long. Max length 10 characters"),
  peerDescriptionTooLong: e(400, 13503, "Description '%s' is too long. Max length 50 characters"),
  voiceHostsAndGroups: e(400, 13504, 'VoiceHosts and VoiceHostGroups not allowed together'),
  tooManyVoiceHosts: e(400, 13506, 'Too many Voice Hosts provided. Max 10'),
  tooManyVoiceHostGroups: e(400, 13507, 'Too many Voice Host Groups provided. Max 5'),
  tooManySmsHosts: e(400, 13508, 'Too many SMS Hosts provided. Max 10'),
  invalidHost: e(400, 13509, "'%s' is not a valid host. Provide valid IP or domain name"),
  invalidDestinationUri: e(400, 13510, "'%s' is not a valid Destination URI"),
  defaultPeerRequired: e(
    400,
    13522,
    'IsDefaultPeer cannot be false right now. The account requires at least one Default Sip Peer',
  ),
  peerNameExists: e(409, 13524, "SipPeer name '%s' already exists for Account '%s' and Site '%s'"),
  invalidPort: e(400, 13543, "'%s' is not a valid port. Valid values: 0-65535"),
  duplicateHost: e(400, 13553, 'Duplicate host (and port) in %s'),
  deleteDefaultPeer: e(400, 13558, 'Delete not allowed for default SIP Peer unless it is the only SIP Peer'),
  peerNotFound: e(400, 13563, "Sip Peer '%s' account '%s' and site '%s' does not exist"),
  peerNotFoundForDelete: e(404, 13557, 'Delete not allowed for non-existent SIP Peer'),
  messagingProtocolInvalid: e(400, 13567, "Messaging protocol '%s' does not exist. Valid values: SIP, SMPP"),
  smsHostPort: e(400, 13568, 'Port not allowed for SMS Hosts'),
  terminationHostInUse: e(
    409,
    13569,
    'Termination IP %s is in the specified subnet range and is already in use.',
  ),
  terminationHostPortInUse: e(
    409,
    13552,
    'Termination IP %s:%s is in the specified subnet range and is already in use.',
  ),
  premiseTrunksInvalid: e(
    400,
    13573,
    'The supplied PremiseTrunks value of %s is not a valid, the value must be positive due to potential outages',
  ),
  callingNameDisplayInvalid: e(400, 13579, 'The value of the display option is incorrect'),
  callingNameEnforcedInvalid: e(400, 13580, 'The value of the enforced option is incorrect'),
  callingNameDisplayMissing: e(400, 13581, 'Display option is missing'),
  callingNameEnforcedMissing: e(400, 13582, 'Enforce option is missing'),
  terminationMaskInvalid: e(400, 13593, "'%s' has invalid mask. Valid mask values: 14-32"),
  terminationHostInvalid: e(400, 13594, "'%s' is not valid host"),
  terminationSubnetNotZero: e(
    400,
    13595,
    'The IP address provided: <%s> contains a non zero subnet portion. An equivalent IP address such as <%s> with a zero subnet value must be provided',
  ),
  terminationHostProhibited: e(
    400,
    13625,
    'Host IP or subnet %s belongs to the prohibited network range and cannot be accepted',
  ),

  // 15xxx / 12xxx: telephone numbers (/tns, inserviceNumbers, discnumbers)
  tnInvalid: e(400, 12512, "Telephone number '%s' is not valid"),
  tnNotFound: e(404, 15506, "The telephone number '%s' does not exist"),
  tnNotInService: e(404, 5074, 'Telephone number is not in service.'),
  tnHistoryNotFound: e(404, 404, 'Results were not found.'),
  tnsNpaInvalid: e(400, 15510, "The NPA '%s' is invalid"),
  tnsNpaNxxInvalid: e(400, 15511, "The NPA_NXX '%s' is invalid"),
  tnsNpaNxxXInvalid: e(400, 15512, "The NPA_NXX_X '%s' is invalid"),
  tnsStatusInvalid: e(400, 15513, "The TN status '%s' is invalid"),
  tnsRateCenterInvalid: e(400, 15514, "The Rate Center '%s' is invalid"),
  tnsPageInvalid: e(400, 15516, "The page '%s' is invalid. Page must be a 10 digit phone number"),
  tnsSizeInvalid: e(400, 1006, '%s must be between %s and %s (bounds are included)'),
  tnsParamsTogether: e(400, 15508, "'%s' and '%s' must be used together"),
  tnsDateInvalid: e(400, 1007, '%s is not a valid date format.'),
  tnsDateRange: e(400, 15501, 'Invalid date range. Start date %s must be before end date %s'),

  // 230xx: SIP credentials
  credentialDuplicateInList: e(400, 23000, 'Duplicated Sip credential for account with ID = %s'),
  credentialTooLong: e(400, 23002, "%s '%s' is too long (%s characters max)"),
  credentialListTooLong: e(400, 23003, 'There are cannot be more than %s credential entries in list'),
  credentialRenameNotAllowed: e(
    400,
    23004,
    'Unable to change the UserName or the Domain associated with the Hash Values. To do so requires deletion of one set of credentials and addition of a new set of credentials.',
  ),
  credentialListEmpty: e(400, 23006, 'Credential list cannot be empty'),
  credentialNotFound: e(404, 23007, 'Sip credential %s was not found on the account with ID = %s'),
  credentialsNone: e(404, 23008, 'There are no Sip credentials associated with the account with ID = %s'),
  credentialExists: e(400, 23009, 'Sip credential %s does already exist on the account with ID = %s'),
  credentialPageInvalid: e(
    400,
    23012,
    'Wrong page format: %s. It should be a number or a combination of the user name and domain in a form {userName}@{domain}',
  ),
  credentialUserNameInvalid: e(
    400,
    23014,
    "UserName '%s' is invalid. It can only contain alphanumerics (a-z, A-Z, 0-9) and '.', '_', '-', '!', '$', '&', '*', '+', '=', '~' symbols. If domain is empty it may also contain one '@'.",
  ),
  credentialDomainInvalid: e(
    400,
    23015,
    "Domain '%s' is invalid. It can only contain alphanumerics (a-z, A-Z, 0-9) and '.', '_', '-', '!', '$', '&', '*', '+', '=', '~' symbols.",
  ),
  userNameFragmentEmpty: e(400, 12705, 'Usernamefragment can not be empty.'),
  userNameFragmentShort: e(400, 12706, 'Usernamefragment should contain at least 3 characters.'),
  domainFragmentEmpty: e(400, 12707, 'Domainfragment can not be empty.'),
  domainFragmentShort: e(400, 12708, 'Domainfragment should contain at least 3 characters.'),
  userNameFragmentLong: e(400, 13113, 'Usernamefragment cannot contain more than 64 characters.'),
  domainFragmentLong: e(400, 13114, 'Domainfragment cannot contain more than 64 characters.'),
  pagingInvalid: e(400, 13058, 'page and size must be greater than or equal to 1'),

  // 40xx: number search (availableNumbers, availableNpaNxx)
  searchAreaCodeInvalid: e(
    400,
    4000,
    'Please verify that your Area Code search input parameters are correct.',
  ),
  searchRateCenterInvalid: e(
    400,
    4001,
    'Please verify that your Rate Center search input parameters are correct.',
  ),
  searchPrefixInvalid: e(
    400,
    4002,
    'Please verify that your NPA, NPA-NXX, or NPA-NXX-X search input parameters are correct.',
  ),
  searchTollFreeVanityInvalid: e(
    400,
    4003,
    'Please verify that your Toll Free Vanity search input parameters are correct.',
  ),
  searchTollFreeWildcardInvalid: e(
    400,
    4004,
    'Please verify that your Toll Free Wild Card search input parameters are correct.',
  ),
  searchCityInvalid: e(400, 4005, 'Please verify that your City search input parameters are correct.'),
  searchStateInvalid: e(400, 4006, 'Please verify that your State search input parameters are correct.'),
  searchZipInvalid: e(400, 4007, 'Please verify that your Zip Code search input parameters are correct.'),
  searchLataInvalid: e(400, 4008, 'Please verify that your LATA search input parameters are correct.'),
  searchUnsupported: e(400, 4010, 'Provided search criteria are unsupported or are not valid'),
  searchInvalid: e(400, 4010, 'Provided search criteria are unsupported or are not valid: %s'),
  searchLcaNotSupported: e(
    400,
    4010,
    'Provided search criteria are unsupported or are not valid: LCA applies to npaNxx, npaNxxx or rateCenter (with state) searched alone',
  ),
  searchOrderByInvalid: e(
    400,
    4020,
    'Please verify that your orderBy search query parameter is correct. Valid values are: fullNumber,npaNxxx,npaNxx,areaCode',
  ),
  searchOrderByNotSupported: e(
    400,
    4021,
    'The orderBy parameter is not supported for specified search criteria',
  ),
  searchProtectedInvalid: e(
    400,
    4022,
    'Please verify that your protected search query parameter is correct. Valid values are: NONE, ONLY, MIXED',
  ),

  // 40xx: coverage queries (coveredRateCenters); the criteria codes above apply there too
  coverageEmbedInvalid: e(
    400,
    4015,
    'Please verify that your Embed search query parameters are correct. Valid values are: AvailableNumberCount,Vendors,NpaNxxX,LocalRateCenters,Cities,ZipCodes',
  ),
  searchTierInvalid: e(
    400,
    4016,
    'Please verify that your Tier search query parameters are correct. Valid values are: [0-5]',
  ),
  coveragePageInvalid: e(400, 4018, 'Please verify that your PAGE search input parameter is correct.'),
  coverageLocalRateCentersFiltered: e(
    400,
    4019,
    'Embed parameter LocalRateCenters is not supported for specified search criteria',
  ),
  coverageRateCenterNotFound: e(404, 4001, "Rate center '%s' does not exist"),
} as const;
