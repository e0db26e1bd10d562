import type { OrderKindModule } from '../orders-common/index.js';
import { dldaJobs } from './dldas.jobs.js';
import { DLDAS } from './dldas.kind.js';
import { dldaRoutes } from './dldas.routes.js';

/** DL/DA (directory listing) orders: the kind, registered in features/index.ts. */
export const dldas: OrderKindModule = {
  kind: DLDAS,
  routes: dldaRoutes,
  jobs: dldaJobs,
};

export { DLDAS, type DldaOrder } from './dldas.kind.js';
export { createDldaOrder, getDldaOrder, updateDldaOrder, type DldaInput } from './dldas.service.js';
export { DldaErrors } from './dldas.errors.js';
