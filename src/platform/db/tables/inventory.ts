import type { Generated } from 'kysely';

/** Telephone numbers, their history, reservations and per-number settings. */

/** An NPA-NXX-X thousands block (7 digits as a number) the inventory holds numbers in. */
export interface NumberBlocksTable {
  npa_nxx_x: number;
  rate_center_id: number;
  city_id: number | null;
  state: string;
  lata: string;
}

/** One telephone number. `status`: see features/inventory/tn-status.ts. Null times: since the build. */
export interface TelephoneNumbersTable {
  tn: number;
  status: number;
  rate_center_id: number | null;
  city_id: number | null;
  state: string | null;
  lata: string | null;
  tier: number;
  vendor_id: number;
  protected: number;
  account_id: string | null;
  site_id: number | null;
  sip_peer_id: number | null;
  reservation_id: string | null;
  order_id: string | null;
  order_type: string | null;
  order_created_at: string | null;
  status_changed_at: string | null;
  updated_at: string | null;
  /** The losing carrier's SPID, for a number that came in by a port (it goes back there when disconnected). */
  ported_from: string | null;
  /** The winning carrier's SPID, on numbers ported out. */
  ported_to: string | null;
}

export interface TnHistoryTable {
  id: Generated<number>;
  tn: number;
  at: string;
  status: number;
  account_id: string | null;
  order_id: string | null;
  order_type: string | null;
  order_created_at: string | null;
  order_status: string | null;
  user_id: string | null;
}

export type ReservationState = 'active' | 'released' | 'expired' | 'used';

export interface TnReservationsTable {
  id: string;
  account_id: string;
  tn: number;
  user_id: string | null;
  created_at: string;
  expires_at: string;
  state: ReservationState;
}

export interface TnSettingsTable {
  tn: number;
  settings: string;
  updated_at: string;
}
