import type { AppDeps } from '../context.js';
import type { RouteDef } from '../platform/http/routes.js';
import type { JobDefinition } from '../platform/jobs/queue.js';
import { accountRoutes } from './accounts/index.js';
import { bdrs } from './bdrs/index.js';
import { billingJobs, startAccruing } from './billing/index.js';
import { billingReports } from './billingreports/index.js';
import { coverageRoutes } from './coverage/index.js';
import { disconnects } from './disconnects/index.js';
import { inServiceRoutes, tnRoutes, type NumberFeaturesOf } from './inventory/index.js';
import type { OrderKindModule } from './orders-common/index.js';
import { newNumberOrders } from './orders/index.js';
import { dldas } from './dldas/index.js';
import { e911s } from './e911s/index.js';
import { externalTns } from './externaltns/index.js';
import { lidbs } from './lidbs/index.js';
import { lsrOrders, settleLsrOrder } from './lsrorders/index.js';
import { portIns } from './portins/index.js';
import { portOutsModule } from './portouts/index.js';
import { reportsModule } from './reports/index.js';
import { reservationJobs, reservationRoutes } from './reservations/index.js';
import { searchRoutes } from './search/index.js';
import { sipCredentialRoutes } from './sip-credentials/index.js';
import { numberSettingsOf, sipPeerTnRoutes } from './sip-peer-tns/index.js';
import { sipPeerRoutes } from './sip-peers/index.js';
import { siteRoutes } from './sites/index.js';
import { subscriptionRoutes } from './subscriptions/index.js';
import { tnOptions } from './tnoptions/index.js';
import { userRoutes } from './users/index.js';

/**
 * Every kind of order, registered once: its routes and jobs are mounted from here, and the set of
 * kinds (for lists, subscriptions and the sandbox) is this list. A new kind adds one line.
 */
export const ORDER_KINDS: readonly OrderKindModule[] = [
  newNumberOrders,
  disconnects,
  portIns,
  // Each move of a port-out settles the LSR order that asked for it.
  portOutsModule(settleLsrOrder),
  lsrOrders,
  tnOptions,
  lidbs,
  dldas,
  e911s,
  externalTns,
  billingReports,
  bdrs,
  // The order-activity report lists every kind above (and its own instances).
  reportsModule(() => ORDER_KINDS.map((m) => m.kind)),
];

/** What features above the inventory keep on a number, for `/tns/{tn}/tndetails` (row 130). */
const numberFeaturesOf: NumberFeaturesOf = async (deps, tn) => {
  const settings = await numberSettingsOf(deps, tn);
  return {
    smsEnabled: settings?.smsEnabled,
    e911: settings?.e911,
    lidb: settings?.callerName,
    dlda: settings?.listing,
  };
};

/** Every feature's routes, in one explicit list. */
export function featureRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...accountRoutes(deps),
    ...userRoutes(deps),
    ...siteRoutes(deps),
    ...sipPeerRoutes(deps),
    ...sipCredentialRoutes(deps),
    ...tnRoutes(deps, numberFeaturesOf),
    ...inServiceRoutes(deps),
    ...reservationRoutes(deps),
    ...coverageRoutes(deps),
    ...searchRoutes(deps),
    ...ORDER_KINDS.flatMap((m) => m.routes(deps)),
    ...sipPeerTnRoutes(deps),
    ...subscriptionRoutes(deps),
  ];
}

/** Every feature's durable job types (they receive the same dependencies as the routes). */
export function featureJobs(deps: AppDeps): JobDefinition<unknown>[] {
  return [
    ...(reservationJobs(deps) as JobDefinition<unknown>[]),
    ...billingJobs(deps),
    ...ORDER_KINDS.flatMap((m) => m.jobs(deps)),
  ];
}

/** What features start when the server starts (after migrations): the accrual of each day's charges. */
export async function startFeatures(deps: AppDeps): Promise<void> {
  await startAccruing(deps);
}
