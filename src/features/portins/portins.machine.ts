import { defineMachine } from '../orders-common/index.js';

/**
 * A port-in (contract §10): PENDING_DOCUMENTS until the first document arrives; SUBMITTED to the
 * losing carrier; FOC when the carrier confirms a date, or EXCEPTION when it rejects; a SUPP makes it
 * REQUESTED_SUPP until it is submitted again; COMPLETE when its numbers are activated on the FOC
 * date. A cancel before the carrier has it is CANCELLED at once; after, REQUESTED_CANCEL until the
 * carrier acknowledges. COMPLETE and CANCELLED are final.
 */
export type PortInStatus =
  | 'PENDING_DOCUMENTS'
  | 'SUBMITTED'
  | 'FOC'
  | 'REQUESTED_SUPP'
  | 'EXCEPTION'
  | 'COMPLETE'
  | 'CANCELLED'
  | 'REQUESTED_CANCEL';

export const portInMachine = defineMachine<PortInStatus>({
  initial: 'PENDING_DOCUMENTS',
  transitions: {
    PENDING_DOCUMENTS: ['SUBMITTED', 'CANCELLED'],
    SUBMITTED: ['FOC', 'EXCEPTION', 'REQUESTED_SUPP', 'REQUESTED_CANCEL', 'CANCELLED'],
    FOC: ['COMPLETE', 'EXCEPTION', 'REQUESTED_SUPP', 'REQUESTED_CANCEL'],
    REQUESTED_SUPP: ['SUBMITTED', 'REQUESTED_SUPP', 'REQUESTED_CANCEL', 'CANCELLED'],
    EXCEPTION: ['REQUESTED_SUPP', 'CANCELLED'],
    REQUESTED_CANCEL: ['CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
  },
  terminal: ['COMPLETE', 'CANCELLED'],
});

/** Contract §11: every port-in status is notified. */
export const PORT_IN_NOTIFIES: readonly PortInStatus[] = [
  'PENDING_DOCUMENTS',
  'SUBMITTED',
  'FOC',
  'REQUESTED_SUPP',
  'EXCEPTION',
  'COMPLETE',
  'CANCELLED',
  'REQUESTED_CANCEL',
];
