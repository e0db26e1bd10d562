import type { Generated } from 'kysely';

/** Accounts, users and their grants, sites, SIP peers and SIP credentials. */

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
  portout_validation_url: string | null;
  portout_validation_user: string | null;
  /** Sealed (secret-box). */
  portout_validation_password: string | null;
  portout_pin_hash: string | null;
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
