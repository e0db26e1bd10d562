import { defineMachine } from '../orders-common/index.js';

/**
 * A DL/DA order (contract §10): a processing round as orders-common's processing kinds
 * (RECEIVED → PROCESSING → COMPLETE | PARTIAL | FAILED), but a PUT may change a processed order's
 * listings, which starts a new round (COMPLETE or PARTIAL → RECEIVED), and may cancel one not yet
 * processed (RECEIVED → CANCELLED). FAILED and CANCELLED are final. Notified as §11 lists them
 * (not CANCELLED).
 */
export type DldaStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETE' | 'PARTIAL' | 'FAILED' | 'CANCELLED';

export const dldaMachine = defineMachine<DldaStatus>({
  initial: 'RECEIVED',
  transitions: {
    RECEIVED: ['PROCESSING', 'FAILED', 'CANCELLED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: ['RECEIVED'],
    PARTIAL: ['RECEIVED'],
    FAILED: [],
    CANCELLED: [],
  },
  terminal: ['FAILED', 'CANCELLED'],
});

export const DLDA_NOTIFIES: readonly DldaStatus[] = [
  'RECEIVED',
  'PROCESSING',
  'COMPLETE',
  'PARTIAL',
  'FAILED',
];
