import type { AppDeps } from '../context.js';
import type { RouteDef } from '../platform/http/routes.js';
import type { JobDefinition } from '../platform/jobs/queue.js';
import { accountRoutes } from './accounts/accounts.routes.js';
import { inServiceRoutes } from './inventory/in-service.routes.js';
import { tnRoutes } from './inventory/tns.routes.js';
import { reservationJobs } from './reservations/reservations.jobs.js';
import { reservationRoutes } from './reservations/reservations.routes.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { sipCredentialRoutes } from './sip-credentials/sip-credentials.routes.js';
import { sipPeerRoutes } from './sip-peers/sip-peers.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { siteRoutes } from './sites/sites.routes.js';
import { userRoutes } from './users/users.routes.js';
import { orderRoutes } from './orders/orders.routes.js';
import { orderFulfilmentJob } from './orders/orders.fulfil.js';
import { agingReleaseJob, disconnectJob } from './disconnects/disconnects.jobs.js';
import { disconnectRoutes } from './disconnects/disconnects.routes.js';
import { sipPeerTnRoutes } from './sip-peer-tns/sip-peer-tns.routes.js';

/** Every feature's routes, in one explicit list. */
export function featureRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...accountRoutes(deps),
    ...userRoutes(deps),
    ...siteRoutes(deps),
    ...sipPeerRoutes(deps),
    ...sipCredentialRoutes(deps),
    ...tnRoutes(deps),
    ...inServiceRoutes(deps),
    ...reservationRoutes(deps),
    ...coverageRoutes(deps),
    ...searchRoutes(deps),
    ...orderRoutes(deps),
    ...disconnectRoutes(deps),
    ...sipPeerTnRoutes(deps),
  ];
}

/** Every feature's durable job types (they receive the same dependencies as the routes). */
export function featureJobs(deps: AppDeps): JobDefinition<unknown>[] {
  return [
    ...reservationJobs(deps),
    orderFulfilmentJob(deps),
    disconnectJob(deps),
    agingReleaseJob(deps),
  ] as JobDefinition<unknown>[];
}
