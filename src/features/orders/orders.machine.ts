import { defineMachine } from '../orders-common/index.js';

/**
 * A new-number order: RECEIVED when accepted; then COMPLETE (every number), PARTIAL (some, where
 * partial fills are allowed), FAILED (none), or BACKORDERED (not filled yet and a backorder was
 * requested: retried on a schedule until filled, or closed with CloseOrder).
 */
export type NewNumberStatus = 'RECEIVED' | 'BACKORDERED' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const newNumberOrderMachine = defineMachine<NewNumberStatus>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    // A retry that obtains more numbers but not all stays BACKORDERED, with a history row.
    BACKORDERED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

/** The statuses subscribers hear of (contract §11: orders COMPLETE, PARTIAL, BACKORDERED, FAILED). */
export const NEW_NUMBER_NOTIFIES: readonly NewNumberStatus[] = [
  'COMPLETE',
  'PARTIAL',
  'BACKORDERED',
  'FAILED',
];
