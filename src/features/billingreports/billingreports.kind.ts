import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { BILLING_REPORT_TYPES } from '../billing/index.js';
import { defineOrderKind, StoredFile, type Order } from '../orders-common/index.js';
import {
  BILLING_REPORT_NOTIFIES,
  billingReportMachine,
  type BillingReportStatus,
} from './billingreports.machine.js';
import { retrievalErrorShape } from './billingreports.xml.js';

/**
 * Billing reports, as an order kind (contract rows 91–93): a ZIP archive of CSV files of one type
 * for a range of days, built from the account's charges by a durable job (features/billing).
 */
export const BillingReportDetails = z.object({
  type: z.enum(BILLING_REPORT_TYPES),
  startDate: z.string(),
  endDate: z.string(),
  file: StoredFile.optional(),
});
export type BillingReportDetails = z.infer<typeof BillingReportDetails>;

export const BILLING_REPORTS = defineOrderKind({
  name: 'billing_report',
  label: 'Billing report',
  collection: 'billingreports',
  role: Roles.bdr,
  errorShape: retrievalErrorShape,
  machine: billingReportMachine,
  details: BillingReportDetails,
  subscriptionType: undefined,
  notifies: BILLING_REPORT_NOTIFIES,
  notifiesCompletedNumbers: false,
});

export type BillingReport = Order<BillingReportStatus, BillingReportDetails>;
