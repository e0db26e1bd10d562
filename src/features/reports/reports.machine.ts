import { defineMachine } from '../orders-common/index.js';

/**
 * A report instance (contract rows 83–87), as an order kind: Processing while its file is produced,
 * Ready when it can be downloaded, Expired at the end of its ExpiresAt day (the file is deleted), or
 * Failed when it could not be produced. Bandwidth's spelling (capitalised). Nothing is notified.
 */
export type ReportInstanceStatus = 'Processing' | 'Ready' | 'Failed' | 'Expired';

export const reportInstanceMachine = defineMachine<ReportInstanceStatus>({
  initial: 'Processing',
  transitions: {
    Processing: ['Ready', 'Failed', 'Expired'],
    Ready: ['Expired'],
    Failed: [],
    Expired: [],
  },
  terminal: ['Failed', 'Expired'],
});

export const REPORT_INSTANCE_NOTIFIES: readonly ReportInstanceStatus[] = [];
