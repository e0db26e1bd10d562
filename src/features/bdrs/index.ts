import type { OrderKindModule } from '../orders-common/index.js';
import { produceBdrJob } from './bdrs.jobs.js';
import { BDRS } from './bdrs.kind.js';
import { bdrRoutes } from './bdrs.routes.js';

/** BDR archives: the account's detail records for a range of days (rows 94–96), a kind of order. */
export const bdrs: OrderKindModule = {
  kind: BDRS,
  routes: bdrRoutes,
  jobs: (deps) => [produceBdrJob(deps)],
};

export { BDRS, type Bdr } from './bdrs.kind.js';
export { BdrErrors } from './bdrs.errors.js';
