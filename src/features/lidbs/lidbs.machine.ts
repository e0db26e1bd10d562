import { defineMachine } from '../orders-common/index.js';

/**
 * A LIDB (caller name) order (contract §10): RECEIVED when accepted, PROCESSING while the names are
 * set, then COMPLETE (every number), PARTIAL (some: the others in ErrorList) or FAILED (none).
 */
export type LidbStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const lidbMachine = defineMachine<LidbStatus>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'PARTIAL', 'FAILED'],
});

/** Every status is notified to `lidb` subscriptions (the later subscription enum's spelling). */
export const LIDB_NOTIFIES: readonly LidbStatus[] = [
  'RECEIVED',
  'PROCESSING',
  'COMPLETE',
  'PARTIAL',
  'FAILED',
];
