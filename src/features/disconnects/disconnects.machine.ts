import { defineMachine } from '../orders-common/index.js';

/**
 * A disconnect order: RECEIVED when accepted, then COMPLETE (every number disconnected), PARTIAL
 * (some: the others have per-number errors) or FAILED (none).
 */
export type DisconnectStatus = 'RECEIVED' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const disconnectOrderMachine = defineMachine<DisconnectStatus>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

/** The statuses subscribers hear of (contract §11: disconnects COMPLETE, PARTIAL, FAILED). */
export const DISCONNECT_NOTIFIES: readonly DisconnectStatus[] = ['COMPLETE', 'PARTIAL', 'FAILED'];
