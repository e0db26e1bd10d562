import type { OrderKindModule } from '../orders-common/index.js';
import { portInJobs } from './portins.jobs.js';
import { PORT_INS } from './portins.kind.js';
import { portInRoutes } from './portins.routes.js';

/** Port-ins: the kind (with the LNP checker and documents), registered in features/index.ts. */
export const portIns: OrderKindModule = {
  kind: PORT_INS,
  routes: portInRoutes,
  jobs: (deps) => portInJobs(deps),
};

export { PORT_INS, type PortInOrder } from './portins.kind.js';
export { createPortIn, getPortIn, suppPortIn, cancelPortIn, type PortInInput } from './portins.service.js';
export {
  deskList,
  deskShow,
  deskSubmit,
  deskFoc,
  deskReject,
  deskComplete,
  deskCancel,
} from './portins.desk.js';
export { MAGIC_VALUES } from './simulated-carrier.js';
export { PortInErrors } from './portins.errors.js';
export { serviceAddressParts } from './portins.validation.js';
/** Where the reference data places a number (rate centre, city, state, LATA, tier). */
export { placesOf } from './portability.js';
export { portingReference, type Carrier } from './carriers.js';
