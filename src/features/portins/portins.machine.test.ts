import { checkOrderMachine } from '../../../test/support/order-machines.js';
import { PORT_INS, type PortInDetails } from './portins.kind.js';

const details: PortInDetails = {
  portType: 'AUTOMATED',
  losingCarrier: { spid: '1000', name: 'Incumbent', isWireless: false },
  vendorId: 49,
  requestedFocDate: '2026-12-10T14:00:00.000Z',
  billingTelephoneNumber: 9195551234,
  subscriber: {
    type: 'BUSINESS',
    businessName: 'Acme',
    address: {
      houseNumber: '1',
      streetName: 'Main',
      city: 'Raleigh',
      stateCode: 'NC',
      zip: '27601',
      country: 'US',
    },
  },
  loaAuthorizingPerson: 'John Doe',
  tnAttributes: [],
  triggered: false,
  billingType: 'PORTIN',
  partialPort: false,
  round: 1,
};

checkOrderMachine(
  PORT_INS,
  {
    PENDING_DOCUMENTS: ['SUBMITTED', 'CANCELLED'],
    SUBMITTED: ['FOC', 'EXCEPTION', 'REQUESTED_SUPP', 'REQUESTED_CANCEL', 'CANCELLED'],
    FOC: ['COMPLETE', 'EXCEPTION', 'REQUESTED_SUPP', 'REQUESTED_CANCEL'],
    REQUESTED_SUPP: ['SUBMITTED', 'REQUESTED_SUPP', 'REQUESTED_CANCEL', 'CANCELLED'],
    EXCEPTION: ['REQUESTED_SUPP', 'CANCELLED'],
    REQUESTED_CANCEL: ['CANCELLED'],
    COMPLETE: [],
    CANCELLED: [],
  },
  details,
);
