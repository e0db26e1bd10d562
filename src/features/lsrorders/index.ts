import type { OrderKindModule } from '../orders-common/index.js';
import { LSR_ORDERS } from './lsrorders.kind.js';
import { lsrOrderRoutes } from './lsrorders.routes.js';

/**
 * LSR orders: the kind, registered in features/index.ts. It has no jobs of its own: its port-outs'
 * jobs move it, through `settleLsrOrder`, which features/index.ts hands to the port-outs.
 */
export const lsrOrders: OrderKindModule = {
  kind: LSR_ORDERS,
  routes: lsrOrderRoutes,
  jobs: () => [],
};

export { LSR_ORDERS, type LsrOrder } from './lsrorders.kind.js';
export { settleLsrOrder } from './lsrorders.settle.js';
export {
  requestOutsidePortOut,
  type OutsidePortOutInput,
  createLsrOrder,
  getLsrOrder,
  updateLsrOrder,
  cancelLsrOrder,
  type LsrOrderInput,
} from './lsrorders.service.js';
export { LsrErrors, LsrRejected } from './lsrorders.errors.js';
