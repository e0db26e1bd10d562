import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { portInErrorShape } from './portins.xml.js';
import { PORT_IN_NOTIFIES, portInMachine, type PortInStatus } from './portins.machine.js';

/**
 * Port-ins, as an order kind: `POST /portins` with up to 5,000 numbers of one losing carrier,
 * carried through the losing carrier (simulated, or an operator's porting desk) to activation on
 * the FOC date. The numbers an order names are held in `port_in_numbers` (portins.store.ts).
 */
export const PORT_TYPES = ['AUTOMATED', 'MANUALOFFNET', 'MANUALTOLLFREE', 'INTERNAL'] as const;
export const SUBSCRIBER_TYPES = ['BUSINESS', 'RESIDENTIAL'] as const;
export const BILLING_TYPES = ['PORTIN', 'NOCHARGE', 'NEWNUMBER', 'PROJECTPORT', 'DISCOUNTED'] as const;
export const TN_ATTRIBUTES = ['Protected', 'External', 'Hosted'] as const;

const Address = z.object({
  houseNumber: z.string(),
  houseSuffix: z.string().optional(),
  preDirectional: z.string().optional(),
  streetName: z.string(),
  streetSuffix: z.string().optional(),
  postDirectional: z.string().optional(),
  addressLine2: z.string().optional(),
  city: z.string(),
  stateCode: z.string(),
  zip: z.string(),
  plusFour: z.string().optional(),
  county: z.string().optional(),
  country: z.string(),
});

export const Subscriber = z.object({
  type: z.enum(SUBSCRIBER_TYPES),
  businessName: z.string().optional(),
  firstName: z.string().optional(),
  middleInitial: z.string().optional(),
  lastName: z.string().optional(),
  address: Address,
});
export type Subscriber = z.infer<typeof Subscriber>;
export type ServiceAddress = z.infer<typeof Address>;

export const PortInError = z.object({ code: z.number(), description: z.string() });
export type PortInError = z.infer<typeof PortInError>;

/** What a port-in keeps besides the common columns (`orders.details`). */
export const PortInDetails = z.object({
  portType: z.enum(PORT_TYPES),
  losingCarrier: z.object({ spid: z.string(), name: z.string(), isWireless: z.boolean() }),
  /** INTERNAL ports: the account the numbers leave. */
  losingAccountId: z.string().optional(),
  vendorId: z.number(),
  /** ISO instants: the FOC asked for, and the one the carrier confirmed. */
  requestedFocDate: z.string(),
  actualFocDate: z.string().optional(),
  billingTelephoneNumber: z.number(),
  subscriber: Subscriber,
  loaAuthorizingPerson: z.string(),
  wirelessInfo: z
    .object({ accountNumber: z.string().optional(), pinNumber: z.string().optional() })
    .optional(),
  tnAttributes: z.array(z.enum(TN_ATTRIBUTES)),
  triggered: z.boolean(),
  billingType: z.enum(BILLING_TYPES),
  partialPort: z.boolean(),
  alternateSpid: z.string().optional(),
  /** How many times the order went to the carrier: a carrier answer belongs to one round. */
  round: z.number(),
  /** Triggered ports: when the customer asked the numbers to be activated (as sent, with its offset). */
  autoActivationDate: z.string().optional(),
  /** The carrier's rejection (EXCEPTION), shown as `Errors` until the order moves on. */
  errors: z.array(PortInError).optional(),
  lastModifiedBy: z.string().optional(),
});
export type PortInDetails = z.infer<typeof PortInDetails>;

export const PORT_INS = defineOrderKind({
  name: 'port_in',
  label: 'Port-in',
  collection: 'portins',
  role: Roles.lnp,
  errorShape: portInErrorShape,
  machine: portInMachine,
  details: PortInDetails,
  subscriptionType: 'portins',
  notifies: PORT_IN_NOTIFIES,
  notifiesCompletedNumbers: true,
  charge: 'PORTIN_NRC',
  focDateOf: (d) => d.actualFocDate ?? d.requestedFocDate,
  // Contract §11: a port-in entering FOC carries the confirmed date.
  notificationFields: (d, status) => ({ actualFocDate: status === 'FOC' ? d.actualFocDate : undefined }),
});

export type PortInOrder = Order<PortInStatus, PortInDetails>;
