import type { ErrorDefinition } from '../platform/http/api-error.js';
import { ProtocolErrors } from '../platform/http/protocol-errors.js';
import { QueryErrors } from '../platform/http/query.js';
import { CommonErrors, CriteriaErrors } from '../shared/errors.js';
import { AccountErrors } from './accounts/index.js';
import { BdrErrors } from './bdrs/index.js';
import { BillingErrors } from './billing/index.js';
import { BillingReportErrors } from './billingreports/index.js';
import { CoverageErrors } from './coverage/index.js';
import { DisconnectErrors } from './disconnects/index.js';
import { InventoryErrors } from './inventory/index.js';
import { OrderCommonErrors } from './orders-common/index.js';
import { OrderErrors } from './orders/index.js';
import { DldaErrors } from './dldas/index.js';
import { E911Errors } from './e911s/index.js';
import { ExternalTnErrors } from './externaltns/index.js';
import { LidbErrors } from './lidbs/index.js';
import { LsrErrors } from './lsrorders/index.js';
import { PortInErrors } from './portins/index.js';
import { PortOutErrors } from './portouts/index.js';
import { ReportErrors } from './reports/index.js';
import { ReservationErrors } from './reservations/index.js';
import { SearchErrors } from './search/index.js';
import { CredentialErrors } from './sip-credentials/index.js';
import { PeerTnErrors } from './sip-peer-tns/index.js';
import { SipPeerErrors } from './sip-peers/index.js';
import { SiteErrors } from './sites/index.js';
import { SubscriptionErrors } from './subscriptions/index.js';
import { TnOptionErrors } from './tnoptions/index.js';
import { UserErrors } from './users/index.js';

/**
 * The one catalogue of the error codes this server answers with: each feature declares its own in
 * `<feature>.errors.ts` (shared ones in shared/errors.ts, query and protocol ones in platform/http),
 * and they are gathered here, so the catalogue can be listed and checked against Bandwidth's
 * (errors.test.ts). A new feature adds its line.
 */
export const ERROR_GROUPS: Readonly<Record<string, Readonly<Record<string, ErrorDefinition>>>> = {
  common: CommonErrors,
  criteria: CriteriaErrors,
  query: QueryErrors,
  protocol: ProtocolErrors,
  accounts: AccountErrors,
  users: UserErrors,
  sites: SiteErrors,
  sipPeers: SipPeerErrors,
  sipCredentials: CredentialErrors,
  inventory: InventoryErrors,
  reservations: ReservationErrors,
  coverage: CoverageErrors,
  search: SearchErrors,
  orderCommon: OrderCommonErrors,
  orders: OrderErrors,
  disconnects: DisconnectErrors,
  portIns: PortInErrors,
  portOuts: PortOutErrors,
  lsrOrders: LsrErrors,
  sipPeerTns: PeerTnErrors,
  subscriptions: SubscriptionErrors,
  tnOptions: TnOptionErrors,
  lidbs: LidbErrors,
  dldas: DldaErrors,
  e911s: E911Errors,
  billing: BillingErrors,
  billingReports: BillingReportErrors,
  bdrs: BdrErrors,
  externalTns: ExternalTnErrors,
  reports: ReportErrors,
};

export interface CatalogueEntry extends ErrorDefinition {
  /** `group.name`, as declared. */
  readonly id: string;
}

/** Every declared error, in declaration order. */
export function errorCatalogue(): CatalogueEntry[] {
  return Object.entries(ERROR_GROUPS).flatMap(([group, defs]) =>
    Object.entries(defs).map(([name, def]) => ({ id: `${group}.${name}`, ...def })),
  );
}
