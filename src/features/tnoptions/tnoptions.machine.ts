import { PROCESSING_NOTIFIES, processingMachine, type ProcessingStatus } from '../orders-common/index.js';

/**
 * A TN-option order (contract §10): one processing round, the shared table of orders-common
 * (RECEIVED → PROCESSING → COMPLETE | PARTIAL | FAILED); every status notified (§11).
 */
export type TnOptionStatus = ProcessingStatus;
export const tnOptionMachine = processingMachine;
export const TN_OPTION_NOTIFIES = PROCESSING_NOTIFIES;
