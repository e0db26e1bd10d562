import type { OrderKindModule } from '../orders-common/index.js';
import { lidbJobs } from './lidbs.jobs.js';
import { LIDBS } from './lidbs.kind.js';
import { lidbRoutes } from './lidbs.routes.js';

/** LIDB (caller name) orders: the kind, registered in features/index.ts. */
export const lidbs: OrderKindModule = {
  kind: LIDBS,
  routes: lidbRoutes,
  jobs: lidbJobs,
};

export { LIDBS, type LidbOrder } from './lidbs.kind.js';
export { createLidbOrder, getLidbOrder, type LidbInput } from './lidbs.service.js';
export { LidbErrors } from './lidbs.errors.js';
