import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { lsrErrorShape } from './lsrorders.xml.js';
import { LSR_ORDER_NOTIFIES, lsrOrderMachine, type LsrOrderStatus } from './lsrorders.machine.js';

/**
 * LSR orders, as an order kind: a carrier account (one with an SPID) asks to take numbers off the
 * network (`POST /lsrorders`). Each owner of the numbers gets a port-out (features/portouts), which
 * the owner validates; the LSR order's status follows its port-outs (lsrorders.settle.ts). Its PON
 * is kept in the order's name (unique on the account), its numbers in `port_out_numbers`.
 */
export const LSR_SUBSCRIBER_TYPES = ['BUSINESS', 'RESIDENTIAL'] as const;

const ServiceAddress = z.object({
  housePrefix: z.string().optional(),
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
  county: z.string().optional(),
  country: z.string(),
});

export const LsrSubscriber = z.object({
  type: z.enum(LSR_SUBSCRIBER_TYPES),
  businessName: z.string().optional(),
  firstName: z.string().optional(),
  middleInitial: z.string().optional(),
  lastName: z.string().optional(),
  accountNumber: z.string().optional(),
  pinNumber: z.string().optional(),
  address: ServiceAddress,
});
export type LsrSubscriber = z.infer<typeof LsrSubscriber>;

export const LsrError = z.object({ code: z.number(), description: z.string() });
export type LsrError = z.infer<typeof LsrError>;

export const LsrDetails = z.object({
  spid: z.string(),
  billingTelephoneNumber: z.number().optional(),
  /** yyyy-MM-dd. */
  requestedFocDate: z.string(),
  actualFocDate: z.string().optional(),
  authorizingPerson: z.string(),
  subscriber: LsrSubscriber,
  /** Raised by each SUPP. */
  ponVersion: z.number(),
  /** The owners' refusals and what could not be completed, per number. */
  errors: z.array(LsrError).optional(),
  lastModifiedBy: z.string().optional(),
});
export type LsrDetails = z.infer<typeof LsrDetails>;

export const LSR_ORDERS = defineOrderKind({
  name: 'lsr',
  label: 'lsr',
  collection: 'lsrorders',
  role: Roles.lnp,
  errorShape: lsrErrorShape,
  machine: lsrOrderMachine,
  details: LsrDetails,
  subscriptionType: 'lsrorders',
  notifies: LSR_ORDER_NOTIFIES,
  // Contract §11 lists completed numbers for port-ins, port-outs, orders and disconnects only.
  notifiesCompletedNumbers: false,
  notificationFields: (d, status) => ({ actualFocDate: status === 'FOC' ? d.actualFocDate : undefined }),
});

export type LsrOrder = Order<LsrOrderStatus, LsrDetails>;
