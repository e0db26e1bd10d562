import type { OrderKind, OrderKindModule } from '../orders-common/index.js';
import { reportCatalogue } from './catalogue.js';
import { reportJobs } from './reports.jobs.js';
import { REPORT_INSTANCES } from './reports.kind.js';
import { reportRoutes } from './reports.routes.js';

/**
 * Reports: the catalogue and its instances (a kind of order), registered in features/index.ts.
 * The order-activity report reads every registered kind, which features/index.ts hands over.
 */
export function reportsModule(kinds: () => readonly OrderKind[]): OrderKindModule {
  const catalogue = reportCatalogue(kinds);
  return {
    kind: REPORT_INSTANCES,
    routes: (deps) => reportRoutes(deps, catalogue),
    jobs: (deps) => reportJobs(deps, catalogue),
  };
}

export { REPORT_INSTANCES, type ReportInstance } from './reports.kind.js';
export { ReportErrors } from './reports.errors.js';
