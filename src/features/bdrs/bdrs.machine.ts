import { defineMachine } from '../orders-common/index.js';

/**
 * A BDR archive request (contract rows 94–96), as an order kind: PROCESSING while its archive is
 * built (GET answers 200), READY when it can be downloaded (GET answers 303 to the file), FAILED
 * when it could not be built. The API shows no status names; these are ours. Nothing is notified.
 */
export type BdrStatus = 'PROCESSING' | 'READY' | 'FAILED';

export const bdrMachine = defineMachine<BdrStatus>({
  initial: 'PROCESSING',
  transitions: {
    PROCESSING: ['READY', 'FAILED'],
    READY: [],
    FAILED: [],
  },
  terminal: ['READY', 'FAILED'],
});

export const BDR_NOTIFIES: readonly BdrStatus[] = [];
