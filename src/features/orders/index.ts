import type { OrderKindModule } from '../orders-common/index.js';
import { orderJobs } from './orders.jobs.js';
import { NEW_NUMBER_ORDERS } from './orders.kind.js';
import { orderRoutes } from './orders.routes.js';

/** New-number orders: the kind, registered in features/index.ts, and the operations others may call. */
export const newNumberOrders: OrderKindModule = {
  kind: NEW_NUMBER_ORDERS,
  routes: orderRoutes,
  jobs: orderJobs,
};

export { NEW_NUMBER_ORDERS, type NewNumberOrder } from './orders.kind.js';
export {
  createOrder,
  getOrder,
  updateOrder,
  type NewOrderInput,
  type OrderView,
  type UpdateOrderInput,
} from './orders.service.js';
export { FULFIL_JOB, fulfilmentJob } from './orders.jobs.js';
export { OrderErrors } from './orders.errors.js';
