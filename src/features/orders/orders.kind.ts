import { z } from 'zod';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { NEW_NUMBER_NOTIFIES, newNumberOrderMachine, type NewNumberStatus } from './orders.machine.js';

/**
 * New-number orders, as an order kind: `POST /orders` with one order type of the seed's table,
 * fulfilled by a durable job (orders.jobs.ts).
 */

/** The order types of the seed's table, in our names (orders.xml.ts maps Bandwidth's element names). */
export const ORDER_TYPES = [
  'existing',
  'areaCode',
  'rateCenter',
  'npaNxx',
  'tollFreeVanity',
  'tollFreeWildChar',
  'state',
  'city',
  'zip',
  'lata',
  'combined',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** What an order type's element may carry, as sent (each type declares which it has). */
export const OrderCriteria = z.object({
  telephoneNumbers: z.array(z.string()).optional(),
  reservationIds: z.array(z.string()).optional(),
  areaCode: z.string().optional(),
  rateCenter: z.string().optional(),
  state: z.string().optional(),
  npaNxx: z.string().optional(),
  npaNxxX: z.string().optional(),
  enableTnDetail: z.string().optional(),
  enableLca: z.string().optional(),
  quantity: z.string().optional(),
  tollFreeVanity: z.string().optional(),
  tollFreeWildCardPattern: z.string().optional(),
  lata: z.string().optional(),
  city: z.string().optional(),
  zip: z.string().optional(),
  localVanity: z.string().optional(),
  endsIn: z.string().optional(),
});
export type OrderCriteria = z.infer<typeof OrderCriteria>;

const OrderLevelError = z.object({ code: z.number(), description: z.string() });

/** What a new-number order keeps besides the common columns (`orders.details`). */
export const NewNumberDetails = z.object({
  orderType: z.enum(ORDER_TYPES),
  /** The order type's element as received, echoed back in responses. */
  criteria: OrderCriteria,
  /** For search types: the availableNumbers query it stands for (lower-case names). */
  search: z.record(z.string(), z.string()).optional(),
  /** For the existing-numbers type: the numbers, and the reservations that hold some of them. */
  tns: z.array(z.number()).optional(),
  reservationIds: z.array(z.string()).optional(),
  partialAllowed: z.boolean(),
  backOrderRequested: z.boolean(),
  tnAttributes: z.array(z.string()),
  /** Order-level errors of the last attempt (a search that came up short, processing that failed). */
  errors: z.array(OrderLevelError).optional(),
});
export type NewNumberDetails = z.infer<typeof NewNumberDetails>;

export const NEW_NUMBER_ORDERS = defineOrderKind({
  name: 'new_number',
  label: 'New number',
  collection: 'orders',
  role: Roles.ordering,
  errorShape: responseStatusShape('OrderResponse'),
  machine: newNumberOrderMachine,
  details: NewNumberDetails,
  subscriptionType: 'orders',
  notifies: NEW_NUMBER_NOTIFIES,
  notifiesCompletedNumbers: true,
  charge: 'ORDER_NRC',
});

export type NewNumberOrder = Order<NewNumberStatus, NewNumberDetails>;
