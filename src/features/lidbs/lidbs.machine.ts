import { PROCESSING_NOTIFIES, processingMachine, type ProcessingStatus } from '../orders-common/index.js';

/**
 * A LIDB (caller name) order (contract §10): one processing round, the shared table of
 * orders-common (RECEIVED → PROCESSING → COMPLETE | PARTIAL | FAILED); every status notified to
 * `lidb` subscriptions.
 */
export type LidbStatus = ProcessingStatus;
export const lidbMachine = processingMachine;
export const LIDB_NOTIFIES = PROCESSING_NOTIFIES;
