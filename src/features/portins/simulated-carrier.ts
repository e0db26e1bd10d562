import { formatTn } from '../../shared/numbering.js';
import type { PortInDetails, PortInError } from './portins.kind.js';

/**
 * The simulated losing carrier (PORTING_MODE=simulated): it answers PORT_CARRIER_DELAY after a
 * port-in is submitted, and confirms the FOC date unless one of these magic values is on the order,
 * in which case it rejects it with the documented carrier error (Bandwidth's 74xx codes), so that
 * integrators can test their exception handling. A SUPP that replaces the magic value is confirmed.
 */
export interface MagicValue {
  /** Where the value goes, as the README lists it. */
  readonly field: string;
  readonly value: string;
  readonly error: PortInError;
  matches(d: PortInDetails, tns: readonly number[], customerOrderId: string | undefined): boolean;
}

const upper = (s: string | undefined) => (s ?? '').trim().toUpperCase();

export const MAGIC_VALUES: readonly MagicValue[] = [
  {
    field: 'Subscriber BusinessName (or LastName)',
    value: 'MISMATCH',
    error: {
      code: 7429,
      description:
        'E10 | Order is being rejected at this time for End User name mismatch. Please either provide a Customer Service Record (CSR) to dispute the name provided, or provide the correct customer name.',
    },
    matches: (d) => upper(d.subscriber.businessName ?? d.subscriber.lastName) === 'MISMATCH',
  },
  {
    field: 'LoaAuthorizingPerson',
    value: 'MISMATCH',
    error: {
      code: 7473,
      description:
        'E10a | Order is being rejected at this time for Authorization name mismatch. Please either provide a Customer Service Record (CSR) to dispute the name provided, or provide the correct customer Authorization name.',
    },
    matches: (d) => upper(d.loaAuthorizingPerson) === 'MISMATCH',
  },
  {
    field: 'WirelessInfo AccountNumber',
    value: '0000000000',
    error: {
      code: 7401,
      description:
        'E17A | Order is being rejected for account number. If an account number has already been provided, please provide a valid account number. If there was no account number given, please provide one.',
    },
    matches: (d) => d.wirelessInfo?.accountNumber === '0000000000',
  },
  {
    field: 'WirelessInfo PinNumber',
    value: '0000',
    error: {
      code: 7435,
      description:
        '8C | Order is being rejected for PIN/Passcode. If a PIN/Passcode has already been provided, please provide a valid PIN/Passcode. If there was no PIN/Passcode given, please provide a PIN/Passcode.',
    },
    matches: (d) => d.wirelessInfo?.pinNumber === '0000',
  },
  {
    field: 'ServiceAddress HouseNumber',
    value: '0',
    error: {
      code: 7402,
      description:
        'E1 | Order is being rejected at this time for address mismatch. Please either provide a Customer Service Record (CSR) to dispute the provided address, or provide the correct service address.',
    },
    matches: (d) => d.subscriber.address.houseNumber === '0',
  },
  {
    field: 'BillingTelephoneNumber ending in',
    value: '0000',
    error: {
      code: 7445,
      description:
        'E14 | The Billing Telephone Number (BTN) on this order is being rejected by the losing carrier. Please provide a valid BTN to continue porting, or provide a Customer Service Record (CSR) to dispute.',
    },
    matches: (d) => formatTn(d.billingTelephoneNumber).endsWith('0000'),
  },
  {
    field: 'a ported number ending in',
    value: '9999',
    error: {
      code: 7409,
      description:
        'E27 | One or more of the telephone numbers on this order is disconnected, or the account status is inactive. Both must be active in order to port.',
    },
    matches: (_d, tns) => tns.some((tn) => formatTn(tn).endsWith('9999')),
  },
  {
    field: 'CustomerOrderId (first submission only)',
    value: 'FOC-REFUSED',
    error: {
      code: 7412,
      description:
        '1N | The losing carrier is reporting that they are unable to meet the due date/time requested. Please SUPP your order for a minimum of 3 business days out.',
    },
    matches: (d, _tns, customerOrderId) => upper(customerOrderId) === 'FOC-REFUSED' && d.round === 1,
  },
];

/** The carrier's rejection of the order as it stands, or undefined when it confirms. */
export function carrierRejection(
  d: PortInDetails,
  tns: readonly number[],
  customerOrderId: string | undefined,
): PortInError | undefined {
  return MAGIC_VALUES.find((m) => m.matches(d, tns, customerOrderId))?.error;
}
