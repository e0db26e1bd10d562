import { defineError as e } from '../../platform/http/api-error.js';

/** Billing archives (billing reports and BDRs): Bandwidth's 15xxx codes for their dates and files. */
export const BillingErrors = {
  dateRequired: e(400, 15503, 'Valid date is required (%s)'),
  // Row 93 documents no answer for an archive not built yet: the reports' "not ready" (202) with Bandwidth's text.
  archiveInProgress: e(
    202,
    15602,
    'The requested report archive is still being constructed, please check back later.',
  ),
} as const;
