import { defineError as e } from '../../platform/http/api-error.js';

export const SearchErrors = {
  searchAreaCodeInvalid: e(
    400,
    4000,
    'Please verify that your Area Code search input parameters are correct.',
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
} as const;
