import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { LSR_ORDERS, type LsrDetails } from './lsrorders.kind.js';

const details: LsrDetails = {
  spid: 'WIN1',
  requestedFocDate: '2026-12-10',
  authorizingPerson: 'Jim Hopkins',
  subscriber: {
    type: 'BUSINESS',
    businessName: 'Acme',
    address: {
      houseNumber: '11',
      streetName: 'Park',
      city: 'Raleigh',
      stateCode: 'NC',
      zip: '27601',
      country: 'United States',
    },
  },
  ponVersion: 0,
};

checkOrderMachine(
  LSR_ORDERS,
  {
    PENDING: ['FOC', 'PARTIAL', 'EXCEPTION', 'PENDING', 'CANCELLED', 'FAILED', 'COMPLETE'],
    FOC: ['COMPLETE', 'PENDING', 'PARTIAL', 'EXCEPTION', 'CANCELLED', 'FAILED'],
    PARTIAL: ['COMPLETE', 'PENDING', 'FOC', 'EXCEPTION', 'CANCELLED', 'FAILED'],
    EXCEPTION: ['PENDING', 'CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
    FAILED: [],
  },
  details,
);
