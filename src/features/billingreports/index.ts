import type { OrderKindModule } from '../orders-common/index.js';
import { produceBillingReportJob } from './billingreports.jobs.js';
import { BILLING_REPORTS } from './billingreports.kind.js';
import { billingReportRoutes } from './billingreports.routes.js';

/** Billing reports: archives of the account's charges (rows 91–93), a kind of order. */
export const billingReports: OrderKindModule = {
  kind: BILLING_REPORTS,
  routes: billingReportRoutes,
  jobs: (deps) => [produceBillingReportJob(deps)],
};

export { BILLING_REPORTS, type BillingReport } from './billingreports.kind.js';
export { BillingReportErrors } from './billingreports.errors.js';
