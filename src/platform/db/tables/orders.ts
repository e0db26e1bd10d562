import type { Generated } from 'kysely';

/** Orders of every kind: the order, its numbers, history, notes and notification events. `kind` names a
 * registered order kind (features/index.ts), which platform/ does not know. */

export interface OrdersTable {
  id: string;
  account_id: string;
  kind: string;
  status: string;
  name: string | null;
  customer_order_id: string | null;
  site_id: number | null;
  sip_peer_id: number | null;
  quantity: number;
  /** JSON: the kind's validated request (order type, criteria, flags, attributes). */
  details: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface OrderNumbersTable {
  order_id: string;
  tn: number;
  outcome: 'completed' | 'failed';
  error_code: number | null;
  error_description: string | null;
  at: string;
}

export interface OrderHistoryTable {
  id: Generated<number>;
  order_id: string;
  at: string;
  status: string;
  note: string | null;
  author: string | null;
  difference: string | null;
}

export interface OrderNotesTable {
  id: Generated<number>;
  order_id: string;
  user_id: string;
  description: string;
  created_at: string;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  account_id: string;
  kind: string;
  event: 'status' | 'note';
  status: string;
  message: string | null;
  at: string;
}

/** A part of a report instance's file (migration 0011), in order of `seq`. */
export interface ReportFilePartsTable {
  instance_id: string;
  generation: number;
  seq: number;
  bytes: Buffer;
}
