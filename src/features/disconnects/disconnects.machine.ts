import { defineMachine } from '../orders-common/order-machine.js';

/**
 * A disconnect order: RECEIVED when accepted, then COMPLETE (every number disconnected), PARTIAL
 * (some: the others have per-number errors) or FAILED (none).
 */
export type DisconnectStatus = 'RECEIVED' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const disconnectOrderMachine = defineMachine<DisconnectStatus>({
  kind: 'disconnect',
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

export const DISCONNECT_STATUSES: readonly DisconnectStatus[] = ['RECEIVED', 'COMPLETE', 'PARTIAL', 'FAILED'];
