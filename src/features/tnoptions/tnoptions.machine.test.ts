import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { TN_OPTIONS, type TnOptionDetails } from './tnoptions.kind.js';

const details: TnOptionDetails = { groups: [{ options: { numberFormat: '10digit' }, tns: [9195551234] }] };

checkOrderMachine(
  TN_OPTIONS,
  {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  details,
);
