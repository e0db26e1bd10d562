import type { OrderKindModule } from '../orders-common/index.js';
import { disconnectJobs } from './disconnects.jobs.js';
import { DISCONNECTS } from './disconnects.kind.js';
import { disconnectRoutes } from './disconnects.routes.js';

/** Disconnects: the kind, registered in features/index.ts, and the operations others may call. */
export const disconnects: OrderKindModule = {
  kind: DISCONNECTS,
  routes: disconnectRoutes,
  jobs: disconnectJobs,
};

export { DISCONNECTS, type DisconnectOrder } from './disconnects.kind.js';
export {
  createDisconnect,
  getDisconnect,
  type DisconnectInput,
  type DisconnectView,
} from './disconnects.service.js';
export { DisconnectErrors } from './disconnects.errors.js';
