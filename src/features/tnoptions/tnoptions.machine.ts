import { defineMachine } from '../orders-common/index.js';

/**
 * A TN-option order (contract §10): RECEIVED when accepted, PROCESSING while its numbers' options
 * change, then COMPLETE (every number), PARTIAL (some: the others in ErrorList) or FAILED (none).
 */
export type TnOptionStatus = 'RECEIVED' | 'PROCESSING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

export const tnOptionMachine = defineMachine<TnOptionStatus>({
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

/** Contract §11: tnoptions RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED. */
export const TN_OPTION_NOTIFIES: readonly TnOptionStatus[] = [
  'RECEIVED',
  'PROCESSING',
  'COMPLETE',
  'PARTIAL',
  'FAILED',
];
