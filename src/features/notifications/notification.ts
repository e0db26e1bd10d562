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

/**
 * A call: a request this server makes and whose answer someone awaits (the port-out validation of
 * contract §12). Everything needed to send it is fixed when it is requested; the answer is handed
 * to the job named in `answerTo`, with `answerTo.payload` and the `CallAnswer`.
 */
export const CallRequest = z.object({
  type: z.literal('call'),
  /** What it is for, as the delivery log shows it: `portout-validation`. */
  purpose: z.string(),
  url: z.string(),
  username: z.string().optional(),
  /** Sealed with the server key. */
  password: z.string().optional(),
  body: z.string(),
  timeoutMs: z.number(),
  /** Attempts while the endpoint cannot be reached, and the wait between them (business clock). */
  attempts: z.number(),
  retryEveryMs: z.number(),
  answerTo: z.object({ job: z.string(), payload: z.record(z.string(), z.unknown()) }),
});
export type CallRequest = z.infer<typeof CallRequest>;

/**
 * How a call ended: answered (any status), timed out, never reached (after every attempt), or not
 * made because of a failure of ours (its secret cannot be opened): the requester decides what each means.
 */
export const CallAnswer = z.object({
  outcome: z.enum(['answered', 'timed-out', 'unreachable', 'not-sent']),
  statusCode: z.number().optional(),
  body: z.string().optional(),
  error: z.string().optional(),
});
export type CallAnswer = z.infer<typeof CallAnswer>;

/** A delivery's payload: one event's notification, a day's digest of them (e-mail), or a call. */
export const DeliveryPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), notification: OrderNotification }),
  z.object({ type: z.literal('digest'), day: z.string(), items: z.array(OrderNotification) }),
  CallRequest,
]);
export type DeliveryPayload = z.infer<typeof DeliveryPayload>;
