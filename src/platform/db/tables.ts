import type { Generated } from 'kysely';

/**
 * Row types of every table, mirroring migrations/ (which are the schema's source of truth).
 * Conventions, identical on SQLite and PostgreSQL: timestamps are ISO-8601 UTC text with
 * milliseconds (they sort as text); booleans are 0/1 integers; structured values are JSON text;
 * job times are epoch milliseconds.
 */

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AccountsTable {
  id: string;
  company_name: string;
  account_type: string;
  nena_id: string | null;
  tiers: string;
  address: string | null;
  contact: string | null;
  reservation_allowed: number;
  lnp_enabled: number;
  alt_spid: string | null;
  spid: string | null;
  port_carrier_type: string | null;
  global_account_number: string | null;
  associated_catapult_account: string | null;
  products: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  username: string;
  password_hash: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  telephone_number: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped with every change to the password, accounts or roles (validates cached principals). */
  version: Generated<number>;
}

export interface UserAccountsTable {
  username: string;
  account_id: string;
}

export interface UserRolesTable {
  username: string;
  role: string;
  /** Comma-separated: VIEW, UPDATE. */
  permissions: string;
}

export interface SitesTable {
  id: Generated<number>;
  account_id: string;
  name: string;
  description: string | null;
  customer_name: string | null;
  customer_provided_id: string | null;
  address: string | null;
  uc_trunking: string | null;
  created_at: string;
  updated_at: string;
}

export interface SipPeersTable {
  id: Generated<number>;
  account_id: string;
  site_id: number;
  name: string;
  description: string | null;
  is_default: number;
  final_destination_uri: string | null;
  short_messaging_protocol: string;
  voice_hosts: string;
  voice_host_groups: string;
  sms_hosts: string;
  address: string | null;
  premise_trunks: number | null;
  calling_name_display: number | null;
  calling_name_enforced: number | null;
  created_at: string;
  updated_at: string;
}

/** Termination hosts as address ranges, so overlaps are found across every account. */
export interface SipPeerTerminationHostsTable {
  id: Generated<number>;
  sip_peer_id: number;
  account_id: string;
  position: number;
  host_name: string;
  range_start: number;
  range_end: number;
  port: number | null;
  customer_traffic_allowed: string | null;
  data_allowed: number | null;
}

export interface SipCredentialsTable {
  id: Generated<number>;
  account_id: string;
  user_name: string;
  domain: string | null;
  /** `user` or `user@domain`: the key in URLs. */
  composite: string;
  hash1: string;
  hash1b: string | null;
  created_at: string;
  updated_at: string;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  dedupe_key: string | null;
  status: JobStatus;
  /** Business-clock time at which the job becomes due. */
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  /** Wall-clock lease expiry of a running job; a crashed worker's jobs are reclaimed after it. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface RefNpaTable {
  npa: string;
  type_of_code: string | null;
  assignable: string | null;
  explanation: string | null;
  assigned: string | null;
  use: string | null;
  location: string | null;
  country: string | null;
  in_service: string | null;
  status: string | null;
  overlay: string | null;
  overlay_complex: string | null;
  parent_npa: string | null;
  service: string | null;
  time_zone: string | null;
}

export interface RefRateCentersTable {
  state: string;
  rate_center: string;
  full_name: string;
  lata: string;
  lcg_exchange: string;
  ilec_name: string | null;
  lat: number | null;
  lng: number | null;
  closest_city: string | null;
}

export interface RefRateCenterLocalitiesTable {
  state: string;
  locality: string;
  locality_abbrev: string | null;
  lcg_exchange: string;
  rate_center: string | null;
  rate_center_lcg_exchange: string | null;
  lata: string | null;
}

export interface RefLatasTable {
  lata: string;
  name: string | null;
  states: string | null;
}

export interface RefCitiesTable {
  state: string;
  county: string | null;
  city: string;
  lat: number | null;
  lng: number | null;
  nearest_rate_center: string | null;
  lata: string | null;
}

export interface RefZipCodesTable {
  zip: string;
  city: string | null;
  state: string;
  county: string | null;
  lat: number | null;
  lng: number | null;
  population: number | null;
  nearest_rate_center: string | null;
  lata: string | null;
}

export interface RefNpaNxxTable {
  npa: string;
  nxx: string;
  state: string;
  city: string | null;
  rate_center: string | null;
  lata: string | null;
  lcg_exchange: string | null;
}

export interface RefNpaRateCentersTable {
  npa: string;
  npa_state: string;
  rc_state: string;
  rate_center: string;
  lata: string;
  lcg_exchange: string;
  nxx_count: number;
  source: string;
}

export interface RefLcaTable {
  state: string;
  rate_center: string;
  lcg_exchange: string;
  local_rate_center: string;
  local_lcg_exchange: string;
  lata: string;
  distance_km: number;
}

export interface RefTollFreeNpasTable {
  npa: string;
  status: string;
}

export interface RefHolidaysTable {
  observed_date: string;
  date: string;
  holiday_id: string;
  name: string;
  year: number;
}

/** A covered rate centre (coverage dimension, derived from the reference data with a stable integer id). */
export interface RateCentersTable {
  id: number;
  state: string;
  abbreviation: string;
  name: string;
  lata: string;
  lcg_exchange: string;
  tier: number;
  lat: number | null;
  lng: number | null;
}

export interface CitiesTable {
  id: number;
  state: string;
  name: string;
}

export interface RateCenterCitiesTable {
  rate_center_id: number;
  city_id: number;
}

export interface RateCenterZipsTable {
  rate_center_id: number;
  zip: string;
}

export interface RateCenterLcaTable {
  rate_center_id: number;
  local_rate_center_id: number;
  distance_km: number;
}

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

export type OrderKind = 'new_number' | 'disconnect';

export interface OrdersTable {
  id: string;
  account_id: string;
  kind: OrderKind;
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
  kind: OrderKind;
  event: 'status' | 'note';
  status: string;
  message: string | null;
  at: string;
}

export interface TnSettingsTable {
  tn: number;
  settings: string;
  updated_at: string;
}

export interface DB {
  settings: SettingsTable;
  accounts: AccountsTable;
  users: UsersTable;
  user_accounts: UserAccountsTable;
  user_roles: UserRolesTable;
  sites: SitesTable;
  sip_peers: SipPeersTable;
  sip_peer_termination_hosts: SipPeerTerminationHostsTable;
  sip_credentials: SipCredentialsTable;
  jobs: JobsTable;
  ref_npa: RefNpaTable;
  ref_rate_centers: RefRateCentersTable;
  ref_rate_center_localities: RefRateCenterLocalitiesTable;
  ref_latas: RefLatasTable;
  ref_cities: RefCitiesTable;
  ref_zip_codes: RefZipCodesTable;
  ref_npanxx: RefNpaNxxTable;
  ref_npa_rate_centers: RefNpaRateCentersTable;
  ref_lca: RefLcaTable;
  ref_toll_free_npas: RefTollFreeNpasTable;
  ref_holidays: RefHolidaysTable;
  rate_centers: RateCentersTable;
  cities: CitiesTable;
  rate_center_cities: RateCenterCitiesTable;
  rate_center_zips: RateCenterZipsTable;
  rate_center_lca: RateCenterLcaTable;
  number_blocks: NumberBlocksTable;
  telephone_numbers: TelephoneNumbersTable;
  tn_history: TnHistoryTable;
  tn_reservations: TnReservationsTable;
  orders: OrdersTable;
  order_numbers: OrderNumbersTable;
  order_history: OrderHistoryTable;
  order_notes: OrderNotesTable;
  order_events: OrderEventsTable;
  tn_settings: TnSettingsTable;
}
