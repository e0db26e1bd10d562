import type { Generated } from 'kysely';

/** Subscriptions to order events, their deliveries and every delivery attempt. */

export interface SubscriptionsTable {
  id: string;
  account_id: string;
  order_type: string;
  order_id: string | null;
  channel: 'email' | 'callback';
  email: string | null;
  digest: string | null;
  url: string | null;
  callback_user: string | null;
  expiry_seconds: number | null;
  expires_at: number | null;
  basic_username: string | null;
  /** Encrypted (secret-box), never plain. */
  basic_password: string | null;
  public_key: string | null;
  /** Encrypted (secret-box): the HMAC key of the signature header, set by an operator. */
  signing_secret: string | null;
  last_status: string | null;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus =
  'pending' | 'sending' | 'delivered' | 'failed' | 'held' | 'digested' | 'cancelled';

export interface DeliveriesTable {
  id: Generated<number>;
  notification_id: string;
  subscription_id: string;
  account_id: string;
  order_id: string;
  /** call: a synchronous request whose answer a job awaits (port-out validation). */
  channel: 'callback' | 'email' | 'digest' | 'call';
  target: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  leased_by: string | null;
  lease_until: number | null;
  last_error: string | null;
  replay_of: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  at: string;
  target: string;
  status_code: number | null;
  duration_ms: number;
  outcome: 'delivered' | 'failed';
  error: string | null;
  response_excerpt: string | null;
}
