import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { portOutErrorShape } from './portouts.xml.js';
import { PORT_OUT_NOTIFIES, portOutMachine, type PortOutStatus } from './portouts.machine.js';

/**
 * Port-outs, as an order kind: one per owner account whose numbers a carrier asks for (an LSR order
 * here, an outside carrier recorded by an operator, or an internal port-in), validated by the owner
 * and carried out on the FOC date. It lives on the owner's account; its numbers are held in
 * `port_out_numbers` (portouts.store.ts); its PON is kept in the order's name.
 */
export const PORT_OUT_SOURCES = ['lsr', 'carrier', 'internal'] as const;

export const PortOutError = z.object({
  code: z.number(),
  description: z.string(),
  /** The numbers the error concerns, when it concerns some. */
  tns: z.array(z.number()).optional(),
});
export type PortOutError = z.infer<typeof PortOutError>;

/** What the owner's validation is asked (contract §12), as the winning carrier gave it. */
export const ValidationFields = z.object({
  pin: z.string().optional(),
  accountNumber: z.string().optional(),
  zipCode: z.string().optional(),
  subscriberName: z.string().optional(),
});
export type ValidationFields = z.infer<typeof ValidationFields>;

export const PortOutDetails = z.object({
  /** The winning carrier's SPID. */
  spid: z.string(),
  /** yyyy-MM-dd, as LSR orders write dates. */
  requestedFocDate: z.string(),
  actualFocDate: z.string().optional(),
  source: z.enum(PORT_OUT_SOURCES),
  /** The LSR order (and its account) that asked, when a carrier here did. */
  lsrOrderId: z.string().optional(),
  lsrAccountId: z.string().optional(),
  /** The internal port-in it mirrors. */
  portInId: z.string().optional(),
  validation: ValidationFields,
  /** Each SUPP starts a round: a validation answer meant for an earlier round does nothing. */
  round: z.number(),
  /** Why it was refused (VALIDATION_FAILED_*, EXCEPTION), shown until it moves on. */
  errors: z.array(PortOutError).optional(),
});
export type PortOutDetails = z.infer<typeof PortOutDetails>;

export const PORT_OUTS = defineOrderKind({
  name: 'port_out',
  label: 'Port-out',
  collection: 'portouts',
  role: Roles.lnp,
  errorShape: portOutErrorShape,
  machine: portOutMachine,
  details: PortOutDetails,
  subscriptionType: 'portouts',
  notifies: PORT_OUT_NOTIFIES,
  notifiesCompletedNumbers: true,
  focDateOf: (d) => d.actualFocDate ?? d.requestedFocDate,
});

export type PortOutOrder = Order<PortOutStatus, PortOutDetails>;
