/** What the jobs that move an order on share: their payload, an order id validated when the job runs. */
export interface OrderJobPayload {
  readonly orderId: string;
}

export function parseOrderJobPayload(payload: unknown): OrderJobPayload {
  const orderId = (payload as { orderId?: unknown }).orderId;
  if (typeof orderId !== 'string') throw new Error('payload.orderId must be a string');
  return { orderId };
}
