import { z } from 'zod';

/**
 * What one order event tells its subscribers (contract §11), fixed when the event happens and kept
 * with each delivery, so a retry or a replay sends the same notification.
 */
export const OrderNotification = z.object({
  orderType: z.string(),
  orderId: z.string(),
  customerOrderId: z.string().optional(),
  status: z.string(),
  message: z.string().optional(),
  /** The note's text, for a note event. */
  note: z.string().optional(),
  /** For port-in, port-out, new-number and disconnect orders reaching a final status. */
  completedNumbers: z.array(z.string()).optional(),
  lastModifiedDate: z.string(),
  /** Port-ins entering FOC. */
  actualFocDate: z.string().optional(),
});
export type OrderNotification = z.infer<typeof OrderNotification>;

/** A delivery's payload: one event's notification, or a day's digest of them (e-mail). */
export const DeliveryPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), notification: OrderNotification }),
  z.object({ type: z.literal('digest'), day: z.string(), items: z.array(OrderNotification) }),
]);
export type DeliveryPayload = z.infer<typeof DeliveryPayload>;
