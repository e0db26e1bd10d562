import type { SettingsTable, JobsTable } from './tables/core.js';
import type {
  AccountsTable,
  UsersTable,
  UserAccountsTable,
  UserRolesTable,
  SitesTable,
  SipPeersTable,
  SipPeerTerminationHostsTable,
  SipCredentialsTable,
} from './tables/tenants.js';
import type {
  RefNpaTable,
  RefRateCentersTable,
  RefRateCenterLocalitiesTable,
  RefLatasTable,
  RefCitiesTable,
  RefZipCodesTable,
  RefNpaNxxTable,
  RefNpaRateCentersTable,
  RefLcaTable,
  RefTollFreeNpasTable,
  RefHolidaysTable,
} from './tables/reference.js';
import type {
  RateCentersTable,
  CitiesTable,
  RateCenterCitiesTable,
  RateCenterZipsTable,
  RateCenterLcaTable,
} from './tables/coverage.js';
import type {
  NumberBlocksTable,
  TelephoneNumbersTable,
  TnHistoryTable,
  TnReservationsTable,
  TnSettingsTable,
} from './tables/inventory.js';
import type {
  OrdersTable,
  OrderNumbersTable,
  OrderHistoryTable,
  OrderNotesTable,
  OrderEventsTable,
  ReportFilePartsTable,
} from './tables/orders.js';

import type { SubscriptionsTable, DeliveriesTable, DeliveryAttemptsTable } from './tables/notifications.js';
import type { PortInNumbersTable, PortDocumentsTable, PortOutNumbersTable } from './tables/porting.js';
import type { RateCardsTable, ChargesTable } from './tables/billing.js';

export type * from './tables/core.js';
export type * from './tables/tenants.js';
export type * from './tables/reference.js';
export type * from './tables/coverage.js';
export type * from './tables/inventory.js';
export type * from './tables/orders.js';
export type * from './tables/notifications.js';
export type * from './tables/porting.js';
export type * from './tables/billing.js';

/**
 * Row types of every table, one file per domain under tables/, mirroring migrations/ (which are the schema's source of truth).
 * Conventions, identical on SQLite and PostgreSQL: timestamps are ISO-8601 UTC text with
 * milliseconds (they sort as text); booleans are 0/1 integers; structured values are JSON text;
 * job times are epoch milliseconds.
 */

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
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  port_in_numbers: PortInNumbersTable;
  port_documents: PortDocumentsTable;
  port_out_numbers: PortOutNumbersTable;
  report_file_parts: ReportFilePartsTable;
  rate_cards: RateCardsTable;
  charges: ChargesTable;
}
