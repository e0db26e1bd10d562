import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { E911S, type E911Details } from './e911s.kind.js';

const details: E911Details = { tns: [9195551234], callerName: 'Acme', remove: false };

checkOrderMachine(
  E911S,
  {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'ADJUSTED_COMPLETE', 'PARTIAL', 'ADJUSTED_PARTIAL', 'FAILED'],
    COMPLETE: [],
    ADJUSTED_COMPLETE: [],
    PARTIAL: [],
    ADJUSTED_PARTIAL: [],
    FAILED: [],
  },
  details,
);
