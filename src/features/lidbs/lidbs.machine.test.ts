import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { LIDBS, type LidbDetails } from './lidbs.kind.js';

const details: LidbDetails = {
  groups: [{ tns: [9195551234], subscriberInformation: 'Acme', useType: 'BUSINESS', visibility: 'PUBLIC' }],
};

checkOrderMachine(
  LIDBS,
  {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  details,
);
