/** The number inventory: what other features, the CLI and the demo may use. */
export { tnRoutes } from './tns.routes.js';
export type { NumberFeatures, NumberFeaturesOf } from './tns.service.js';
export { inServiceRoutes } from './in-service.routes.js';
export {
  transitionNumbers,
  admitPortedNumbers,
  releasePortedOut,
  admitExternalNumbers,
  removeExternalNumbers,
  type ExternalPlacement,
  type PortOutRelease,
  type PortedNumber,
  type Admission,
  type OrderRef,
  type TnChange,
  type TransitionResult,
} from './inventory.service.js';
export {
  findNumber as numberOf,
  findNumbers as numbersByTn,
  historyOf as numberHistoryOf,
  type NumberRecord,
} from './inventory.store.js';
export {
  IN_SERVICE_STATUSES,
  isInService,
  numbersInServiceAt,
  listDisconnectedNumbers,
  countInServiceAt,
  type ServicePlace,
} from './in-service.service.js';
export { TnStatus } from '../../shared/tn-status.js';
export { buildInventory, clearInventory, inventoryCount } from './inventory.build.js';
export { importNumbers } from './inventory.import.js';
export {
  accountHistoryPage,
  availableNumbersOf,
  countByRateCenter,
  countNumbersByStatus,
} from './inventory.store.js';
export { InventoryErrors } from './inventory.errors.js';
