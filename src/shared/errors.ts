import { defineError as e } from '../platform/http/api-error.js';

export const CommonErrors = {
  required: e(400, 1003, '%s is required'),
  notAllowed: e(400, 1005, '%s is not allowed'),
  invalidValue: e(400, 1008, "'%s' is not a valid value"),
  invalidUuid: e(400, 1008, "'%s' is not a valid UUID"),
  invalidBoolean: e(400, 12751, "%s value is not valid (expected 'true' or 'false')."),
  tooLong: e(400, 12635, "%s '%s' is too long. Max length %s characters"),
  tooManyTns: e(400, 5095, 'The count of telephone numbers in order exceeds the maximum size of %s'),
  tnAttributeInvalid: e(400, 5102, "Telephone number attribute '%s' is invalid. Valid values: Protected"),
  addressRequired: e(400, 1003, 'Address is required'),
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
} as const;

export const CriteriaErrors = {
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
  searchCityInvalid: e(400, 4005, 'Please verify that your City search input parameters are correct.'),
  searchStateInvalid: e(400, 4006, 'Please verify that your State search input parameters are correct.'),
  searchZipInvalid: e(400, 4007, 'Please verify that your Zip Code search input parameters are correct.'),
  searchLataInvalid: e(400, 4008, 'Please verify that your LATA search input parameters are correct.'),
  searchUnsupported: e(400, 4010, 'Provided search criteria are unsupported or are not valid'),
  searchTierInvalid: e(
    400,
    4016,
    'Please verify that your Tier search query parameters are correct. Valid values are: [0-5]',
  ),
} as const;
