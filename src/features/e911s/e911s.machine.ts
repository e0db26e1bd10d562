import { defineMachine, type ProcessingStatus } from '../orders-common/index.js';

/**
 * An E911 order (contract §10): one processing round, as orders-common's processing kinds, with two
 * more outcomes: ADJUSTED_COMPLETE and ADJUSTED_PARTIAL, when the address was provisioned as the
 * geocoder corrected it. Every status is notified to `e911s` subscriptions (§11).
 */
export type E911Status = ProcessingStatus | 'ADJUSTED_COMPLETE' | 'ADJUSTED_PARTIAL';

export const e911Machine = defineMachine<E911Status>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'ADJUSTED_COMPLETE', 'PARTIAL', 'ADJUSTED_PARTIAL', 'FAILED'],
    COMPLETE: [],
    ADJUSTED_COMPLETE: [],
    PARTIAL: [],
    ADJUSTED_PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'ADJUSTED_COMPLETE', 'PARTIAL', 'ADJUSTED_PARTIAL', 'FAILED'],
});

export const E911_NOTIFIES: readonly E911Status[] = [
  'RECEIVED',
  'PROCESSING',
  'COMPLETE',
  'ADJUSTED_COMPLETE',
  'PARTIAL',
  'ADJUSTED_PARTIAL',
  'FAILED',
];
