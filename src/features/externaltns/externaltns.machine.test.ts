import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { EXTERNAL_TNS, type ExternalTnDetails } from './externaltns.kind.js';

const details: ExternalTnDetails = { action: 'IMPORT', tns: [9727780001] };

checkOrderMachine(
  EXTERNAL_TNS,
  {
    RECEIVED: ['PROCESSING', 'FAILED'],
    PROCESSING: ['COMPLETE', 'PARTIAL', 'FAILED'],
    COMPLETE: [],
    PARTIAL: [],
    FAILED: [],
  },
  details,
);
