import { defineError as e } from '../../platform/http/api-error.js';

export const CoverageErrors = {
  coverageEmbedInvalid: e(
    400,
    4015,
    'Please verify that your Embed search query parameters are correct. Valid values are: AvailableNumberCount,Vendors,NpaNxxX,LocalRateCenters,Cities,ZipCodes',
  ),
  coveragePageInvalid: e(400, 4018, 'Please verify that your PAGE search input parameter is correct.'),
  coverageLocalRateCentersFiltered: e(
    400,
    4019,
    'Embed parameter LocalRateCenters is not supported for specified search criteria',
  ),
  coverageRateCenterNotFound: e(404, 4001, "Rate center '%s' does not exist"),
} as const;
