import { defineMachine } from '../orders-common/index.js';

/**
 * A billing report (contract rows 91–93), as an order kind: PROCESSING while its archive is built,
 * COMPLETED when it can be downloaded, FAILED when it could not be built. The POST answers
 * RECEIVED (the request, not a state). Nothing is notified.
 */
export type BillingReportStatus = 'PROCESSING' | 'COMPLETED' | 'FAILED';

export const billingReportMachine = defineMachine<BillingReportStatus>({
  initial: 'PROCESSING',
  transitions: {
    PROCESSING: ['COMPLETED', 'FAILED'],
    COMPLETED: [],
    FAILED: [],
  },
  terminal: ['COMPLETED', 'FAILED'],
});

export const BILLING_REPORT_NOTIFIES: readonly BillingReportStatus[] = [];
