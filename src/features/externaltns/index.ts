import type { OrderKindModule } from '../orders-common/index.js';
import { externalTnJobs } from './externaltns.jobs.js';
import { EXTERNAL_TNS } from './externaltns.kind.js';
import { externalTnRoutes } from './externaltns.routes.js';

/** External-number orders: the kind, registered in features/index.ts. */
export const externalTns: OrderKindModule = {
  kind: EXTERNAL_TNS,
  routes: externalTnRoutes,
  jobs: externalTnJobs,
};

export { EXTERNAL_TNS, type ExternalTnOrder } from './externaltns.kind.js';
export { createExternalTnOrder, getExternalTnOrder, type ExternalTnInput } from './externaltns.service.js';
export { ExternalTnErrors } from './externaltns.errors.js';
