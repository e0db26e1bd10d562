import type { AppDeps } from '../context.js';
import type { RouteDef } from '../platform/http/routes.js';
import type { JobDefinition } from '../platform/jobs/queue.js';
import { accountRoutes } from './accounts/accounts.routes.js';
import { sipCredentialRoutes } from './sip-credentials/sip-credentials.routes.js';
import { sipPeerRoutes } from './sip-peers/sip-peers.routes.js';
import { siteRoutes } from './sites/sites.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Every feature's routes, in one explicit list. */
export function featureRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...accountRoutes(deps),
    ...userRoutes(deps),
    ...siteRoutes(deps),
    ...sipPeerRoutes(deps),
    ...sipCredentialRoutes(deps),
  ];
}

/** Every feature's durable job types (they receive the same dependencies as the routes). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the first job types arrive with reservations
export function featureJobs(deps: AppDeps): JobDefinition<never>[] {
  return [];
}
