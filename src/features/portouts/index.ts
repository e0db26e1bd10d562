import type { OrderKindModule } from '../orders-common/index.js';
import { portOutJobs } from './portouts.jobs.js';
import { PORT_OUTS } from './portouts.kind.js';
import type { PortOutMoved } from './portouts.moves.js';
import { portOutRoutes } from './portouts.routes.js';

/**
 * Port-outs: the kind (with the port-out validation callback), registered in features/index.ts
 * with whoever must hear of its moves (LSR orders settle their status from their port-outs).
 */
export function portOutsModule(moved: PortOutMoved): OrderKindModule {
  return {
    kind: PORT_OUTS,
    routes: portOutRoutes,
    jobs: (deps) => portOutJobs(deps, moved),
  };
}

export { PORT_OUTS, type PortOutOrder, type PortOutError, type ValidationFields } from './portouts.kind.js';
export { REFUSED, VALIDATING, type PortOutStatus } from './portouts.machine.js';
export {
  portOutCandidates,
  openPortOuts,
  getPortOut,
  portOutAnywhere,
  cancelOutsidePortOut,
  portOutsOfLsrOrder,
  portedOutNumbers,
  openInternalPortOut,
  followInternalPortIn,
  type PortOutRequest,
  type PortOutCandidates,
  type PortOutView,
} from './portouts.service.js';
export { supp as suppPortOut, cancel as cancelPortOut, type PortOutMoved } from './portouts.moves.js';
export { numbersOfLsr, lsrOrdersWithNumber } from './portouts.store.js';
export { PortOutErrors } from './portouts.errors.js';
