import type { OrderKindModule } from '../orders-common/index.js';
import { e911Jobs } from './e911s.jobs.js';
import { E911S } from './e911s.kind.js';
import { e911Routes } from './e911s.routes.js';

/** E911 orders: the kind, registered in features/index.ts. */
export const e911s: OrderKindModule = {
  kind: E911S,
  routes: e911Routes,
  jobs: e911Jobs,
};

export { E911S, type E911Order } from './e911s.kind.js';
export { createE911Order, getE911Order, type E911Input } from './e911s.service.js';
export { E911Errors } from './e911s.errors.js';
