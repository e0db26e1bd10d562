import { defineError as e } from '../../platform/http/api-error.js';

/** Reports and their instances: Bandwidth's 19xxx codes. */
export const ReportErrors = {
  reportNotFound: e(404, 19000, "No report found with report Id of '%s'"),
  instanceNotFound: e(404, 19019, "No report instance found for report %s with Id of '%s'"),
  instanceInvalid: e(400, 19022, 'Missing or invalid report instance details'),
  parameterValueTooLong: e(
    400,
    19024,
    "Instance -> Parameter '%s' -> Value length exceeds maximum allowed (%s)",
  ),
  outputFormatInvalid: e(400, 19030, 'Instance -> OutputFormat must be one of the following values: %s'),
  requiredMissing: e(400, 19032, 'Missing one or more required report parameters: %s'),
  parameterNotSupported: e(400, 19033, 'The following parameter(s) are not supported for this report: %s'),
  parameterInvalid: e(400, 19034, 'Invalid report parameter: %s'),
  integerInvalid: e(400, 19036, 'Invalid integer value specified for report parameter %s: %s'),
  dateInvalid: e(400, 19037, 'Invalid date value for report parameter %s (expected YYYY-MM-DD): %s'),
  enumInvalid: e(400, 19038, 'Expected value for report parameter %s to be one of the following: %s'),
  accountInvalid: e(400, 19039, 'Invalid account ID value for report parameter %s: %s'),
  siteInvalid: e(400, 19043, 'Invalid site ID value on account %s for report parameter %s: %s'),
  expiresTooLate: e(400, 19046, 'Instance -> ExpiresAt must be a future date not longer than %s days'),
  inProgress: e(202, 19048, 'Report generation in progress; Output not yet available.'),
  expired: e(404, 19049, 'Report instance expired; Output has been deleted from the server.'),
  outputFailed: e(
    404,
    19051,
    'An unexpected error was encountered retrieving report output; Contact application support for further assistance.',
  ),
  duplicateValues: e(400, 19054, "Instance -> Parameter '%s' -> list of Values contains duplicates"),
  emptyValue: e(400, 19055, "Instance -> Parameter '%s' -> Value cannot be empty"),
  multipleValues: e(
    400,
    19057,
    "Instance -> Parameter '%s' -> multiple occurrences of Value is not supported",
  ),
  expiresInvalid: e(
    400,
    19059,
    "Invalid value '%s' for Instance -> ExpiresAt (expected date format YYYY-MM-DD)",
  ),
  booleanInvalid: e(400, 19060, "Instance -> Parameter '%s' -> Value must be 'true' or 'false'"),
  sipPeerInvalid: e(400, 19061, 'Invalid SIP peer ID value on account %s for report parameter %s: %s'),
} as const;
