import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { NEW_NUMBER_ORDERS, type NewNumberDetails } from './orders.kind.js';

const details: NewNumberDetails = {
  orderType: 'areaCode',
  criteria: { areaCode: '919', quantity: '1' },
  search: { areacode: '919', quantity: '1' },
  partialAllowed: true,
  backOrderRequested: false,
  tnAttributes: [],
};

checkOrderMachine(
  NEW_NUMBER_ORDERS,
  {
    RECEIVED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    BACKORDERED: ['BACKORDERED', 'COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  details,
);
