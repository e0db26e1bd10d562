import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { PORT_OUTS, type PortOutDetails } from './portouts.kind.js';

const details: PortOutDetails = {
  spid: 'WIN1',
  requestedFocDate: '2026-12-10',
  source: 'lsr',
  validation: { pin: '1234', zipCode: '27601', subscriberName: 'Acme' },
  round: 0,
};

checkOrderMachine(
  PORT_OUTS,
  {
    NEW: ['FOC', 'VALIDATION_FAILED_NEW', 'SUPP', 'CANCELLED'],
    VALIDATION_FAILED_NEW: ['SUPP', 'CANCELLED'],
    SUPP: ['FOC', 'VALIDATION_FAILED_SUPP', 'SUPP', 'CANCELLED'],
    VALIDATION_FAILED_SUPP: ['SUPP', 'CANCELLED'],
    FOC: ['COMPLETE', 'EXCEPTION', 'SUPP', 'CANCELLED'],
    EXCEPTION: ['SUPP', 'CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
  },
  details,
);
