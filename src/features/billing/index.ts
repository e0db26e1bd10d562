/** Billing: rate cards, charges as they are incurred, and the archives made of them. */
export { billingJobs, startAccruing } from './billing.jobs.js';
export { BillingErrors } from './billing.errors.js';
export { parseBillingDates, type BillingPeriod } from './billing-period.js';
export {
  BILLING_REPORT_TYPES,
  describeCharge,
  writeBdrArchive,
  writeBillingArchive,
  ZIP_CONTENT_TYPE,
  type BillingReportType,
} from './archives.js';
export { CHARGE_KINDS, chargeCompletedOrder, type ChargeKind, type NonRecurringCharge } from './charges.js';
export { chargesPage, chargeTotals, type Charge } from './billing.store.js';
export { formatDollars, parseDollars } from './money.js';
export {
  DEFAULT_CARD,
  DEFAULT_RATES,
  RATE_NAMES,
  RateError,
  ratesOf,
  setRates,
  type AccountRates,
  type RateCard,
  type RateName,
} from './rates.js';
