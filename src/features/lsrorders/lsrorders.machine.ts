import { defineMachine } from '../orders-common/index.js';

/**
 * An LSR order (contract §10): PENDING while the owners of its numbers validate it (each owner's
 * port-out, features/portouts); then FOC when every owner approved (with ActualFocDate), EXCEPTION
 * when every owner refused, PARTIAL when some did; a SUPP makes it PENDING again; COMPLETE when its
 * numbers have left on the FOC date; FAILED when none could; CANCELLED by a PUT. COMPLETE,
 * CANCELLED and FAILED are final.
 */
export type LsrOrderStatus =
  'PENDING' | 'FOC' | 'EXCEPTION' | 'PARTIAL' | 'COMPLETE' | 'CANCELLED' | 'FAILED';

export const lsrOrderMachine = defineMachine<LsrOrderStatus>({
  initial: 'PENDING',
  transitions: {
    PENDING: ['FOC', 'PARTIAL', 'EXCEPTION', 'PENDING', 'CANCELLED', 'FAILED', 'COMPLETE'],
    FOC: ['COMPLETE', 'PENDING', 'PARTIAL', 'EXCEPTION', 'CANCELLED', 'FAILED'],
    PARTIAL: ['COMPLETE', 'PENDING', 'FOC', 'EXCEPTION', 'CANCELLED', 'FAILED'],
    EXCEPTION: ['PENDING', 'CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
    FAILED: [],
  },
  terminal: ['COMPLETE', 'CANCELLED', 'FAILED'],
});

/** Contract §11: every LSR status is notified to the requesting carrier. */
export const LSR_ORDER_NOTIFIES: readonly LsrOrderStatus[] = [
  'PENDING',
  'FOC',
  'EXCEPTION',
  'PARTIAL',
  'COMPLETE',
  'CANCELLED',
  'FAILED',
];
