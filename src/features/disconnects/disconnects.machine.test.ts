import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { DISCONNECTS, type DisconnectDetails } from './disconnects.kind.js';

const details: DisconnectDetails = { tns: [9195551234], mode: 'normal', protected: 'UNCHANGED' };

checkOrderMachine(
  DISCONNECTS,
  {
    RECEIVED: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  details,
);
