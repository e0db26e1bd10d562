import { defineError as e } from '../../platform/http/api-error.js';

/** Billing reports: Bandwidth's 156xx codes (the dates' are billing's). */
export const BillingReportErrors = {
  typeInvalid: e(400, 15600, "Billing Report Type '%s' is invalid. Valid values: [%s]."),
  notFound: e(404, 15603, 'The requested report was not found.'),
  failed: e(404, 15601, 'Inconsistent or conflicting report data files - please contact Bandwidth.'),
} as const;
