import { defineMachine } from '../orders-common/index.js';

/**
 * A port-out (contract §10): NEW when a carrier asks for the owner's numbers; the owner's validation
 * (endpoint, PIN, or none) makes it FOC with a date, or VALIDATION_FAILED_NEW; a SUPP of the request
 * makes it SUPP and validates again (VALIDATION_FAILED_SUPP when refused); COMPLETE when its numbers
 * leave on the FOC date, EXCEPTION when none of them could (they left service meanwhile).
 * CANCELLED when the requester cancels. COMPLETE and CANCELLED are final.
 */
export type PortOutStatus =
  | 'NEW'
  | 'SUPP'
  | 'FOC'
  | 'VALIDATION_FAILED_NEW'
  | 'VALIDATION_FAILED_SUPP'
  | 'EXCEPTION'
  | 'COMPLETE'
  | 'CANCELLED';

export const portOutMachine = defineMachine<PortOutStatus>({
  initial: 'NEW',
  transitions: {
    NEW: ['FOC', 'VALIDATION_FAILED_NEW', 'SUPP', 'CANCELLED'],
    VALIDATION_FAILED_NEW: ['SUPP', 'CANCELLED'],
    SUPP: ['FOC', 'VALIDATION_FAILED_SUPP', 'SUPP', 'CANCELLED'],
    VALIDATION_FAILED_SUPP: ['SUPP', 'CANCELLED'],
    FOC: ['COMPLETE', 'EXCEPTION', 'SUPP', 'CANCELLED'],
    EXCEPTION: ['SUPP', 'CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
  },
  terminal: ['COMPLETE', 'CANCELLED'],
});

/** Contract §11: port-outs notify only their completion (with the numbers that left). */
export const PORT_OUT_NOTIFIES: readonly PortOutStatus[] = ['COMPLETE'];

/** Statuses in which a port-out waits for its validation. */
export const VALIDATING: readonly PortOutStatus[] = ['NEW', 'SUPP'];
/** Statuses in which the owner (or the system) refused it. */
export const REFUSED: readonly PortOutStatus[] = [
  'VALIDATION_FAILED_NEW',
  'VALIDATION_FAILED_SUPP',
  'EXCEPTION',
];
