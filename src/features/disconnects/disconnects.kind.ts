import { z } from 'zod';
import { responseStatusShape } from '../../platform/http/error-shapes.js';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { DISCONNECT_NOTIFIES, disconnectOrderMachine, type DisconnectStatus } from './disconnects.machine.js';

/**
 * Disconnects, as an order kind: `POST /disconnects` with up to 5,000 numbers, taken out of service
 * by a durable job (disconnects.jobs.ts); they age and become available again.
 */

/** How the numbers leave: `normal` (and `soft-remove`) age first; `purge` is available again at once. */
export const DISCONNECT_MODES = ['normal', 'soft-remove', 'purge'] as const;
export type DisconnectMode = (typeof DISCONNECT_MODES)[number];

/** What happens to the numbers' protected flag. */
export const PROTECTED_CHANGES = ['TRUE', 'FALSE', 'UNCHANGED'] as const;
export type ProtectedChange = (typeof PROTECTED_CHANGES)[number];

/** What a disconnect keeps besides the common columns (`orders.details`). */
export const DisconnectDetails = z.object({
  tns: z.array(z.number()),
  mode: z.enum(DISCONNECT_MODES),
  protected: z.enum(PROTECTED_CHANGES),
  /** Order-level errors (the order could not be processed at all). */
  errors: z.array(z.object({ code: z.number(), description: z.string() })).optional(),
});
export type DisconnectDetails = z.infer<typeof DisconnectDetails>;

export const DISCONNECTS = defineOrderKind({
  name: 'disconnect',
  label: 'Disconnect',
  collection: 'disconnects',
  role: Roles.ordering,
  errorShape: responseStatusShape('DisconnectTelephoneNumberOrderResponse'),
  machine: disconnectOrderMachine,
  details: DisconnectDetails,
  subscriptionType: 'disconnects',
  notifies: DISCONNECT_NOTIFIES,
  notifiesCompletedNumbers: true,
});

export type DisconnectOrder = Order<DisconnectStatus, DisconnectDetails>;
