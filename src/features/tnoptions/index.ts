import type { OrderKindModule } from '../orders-common/index.js';
import { tnOptionJobs } from './tnoptions.jobs.js';
import { TN_OPTIONS } from './tnoptions.kind.js';
import { tnOptionRoutes } from './tnoptions.routes.js';

/** TN-option orders: the kind, registered in features/index.ts. */
export const tnOptions: OrderKindModule = {
  kind: TN_OPTIONS,
  routes: tnOptionRoutes,
  jobs: tnOptionJobs,
};

export { TN_OPTIONS, type TnOptionOrder } from './tnoptions.kind.js';
export { createTnOptionOrder, getTnOptionOrder, type TnOptionInput } from './tnoptions.service.js';
export { TnOptionErrors } from './tnoptions.errors.js';
