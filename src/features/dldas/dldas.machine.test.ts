import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { DLDAS, type DldaDetails } from './dldas.kind.js';

const details: DldaDetails = {
  groups: [{ tns: [9195551234], subscriberType: 'BUSINESS', listingType: 'LISTED', listAddress: false }],
};

checkOrderMachine(
  DLDAS,
  {
    RECEIVED: ['PROCESSING', 'FAILED', 'CANCELLED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: ['RECEIVED'],
    PARTIAL: ['RECEIVED'],
    FAILED: [],
    CANCELLED: [],
  },
  details,
);
