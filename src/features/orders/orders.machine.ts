import { defineMachine } from '../orders-common/order-machine.js';

/**
 * A new-number order: RECEIVED when accepted; then COMPLETE (every number), PARTIAL (some, where
 * partial fills are allowed), FAILED (none), or BACKORDERED (not filled yet and a backorder was
 * requested: retried on a schedule until filled, or closed with CloseOrder).
 */
export type NewNumberStatus = 'RECEIVED' | 'BACKORDERED' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const newNumberOrderMachine = defineMachine<NewNumberStatus>({
  kind: 'new_number',
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    BACKORDERED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

export const NEW_NUMBER_STATUSES: readonly NewNumberStatus[] = [
  'RECEIVED',
  'BACKORDERED',
  'COMPLETE',
  'PARTIAL',
  'FAILED',
];
